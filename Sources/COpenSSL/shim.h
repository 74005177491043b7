#include <openssl/evp.h>
#include <openssl/err.h>
#include <sys/random.h>
