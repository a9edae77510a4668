#ifndef LAUREATED_CPREFETCH_SHIM_H
#define LAUREATED_CPREFETCH_SHIM_H
/* A cache hint the Swift standard library does not offer: start loading the cache line at
   `address` for reading, keep it in every level, and do not wait for it. A hint never faults. */
static inline void laureate_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
#endif
