#ifndef LAUREATED_CSYSTEMD_SHIM_H
#define LAUREATED_CSYSTEMD_SHIM_H
#include <systemd/sd-daemon.h>
#endif
