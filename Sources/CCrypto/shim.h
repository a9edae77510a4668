#ifndef LAUREATED_CCRYPTO_SHIM_H
#define LAUREATED_CCRYPTO_SHIM_H
/* SHA-256 through libcrypto's direct functions rather than EVP: EVP first loads OpenSSL 3's
 * provider machinery, which keeps 2 MB more of the library resident for no gain here. OpenSSL 3
 * marks the direct functions deprecated (in favour of EVP) but keeps them, and Debian 12 ships 3.0. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

static inline int laureated_sha256_init(SHA256_CTX *context) { return SHA256_Init(context); }
static inline int laureated_sha256_update(SHA256_CTX *context, const void *data, size_t length) {
    return SHA256_Update(context, data, length);
}
static inline int laureated_sha256_final(unsigned char *digest, SHA256_CTX *context) {
    return SHA256_Final(digest, context);
}
#endif
