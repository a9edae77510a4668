#ifndef LAUREATED_CCRYPTO_SHIM_H
#define LAUREATED_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
