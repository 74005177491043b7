// A malloc counter to preload into a process (LD_PRELOAD): counts calls to the allocation
// functions, passes each on to the C library's own, and at exit appends one line of counts to
// the file named by MALLOC_COUNTER_OUT:
//
//   pid=1234 malloc=10 calloc=2 realloc=3 posix_memalign=0 aligned_alloc=1 memalign=0 valloc=0 bytes=4096
//
// One line per process (O_APPEND), so a child that inherits LD_PRELOAD adds its own line instead
// of overwriting its parent's. `free` is passed on, not counted. `bytes` is what was asked for
// (realloc counts its new size). Built by Tests/EndToEndTests/AllocationsPerRowTests.swift:
//
//   cc -O2 -shared -fPIC -o libcounter.so counter.c -ldl
//
// Bootstrap: dlsym(RTLD_NEXT, …) may itself allocate (glibc's dlerror state uses calloc) before
// the real functions are known, so allocations made while resolving come from a small static
// bump buffer; free ignores them and realloc copies them out.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef void *(*malloc_fn)(size_t);
typedef void *(*calloc_fn)(size_t, size_t);
typedef void *(*realloc_fn)(void *, size_t);
typedef int (*posix_memalign_fn)(void **, size_t, size_t);
typedef void *(*aligned_alloc_fn)(size_t, size_t);
typedef void *(*memalign_fn)(size_t, size_t);
typedef void *(*valloc_fn)(size_t);
typedef void (*free_fn)(void *);

static malloc_fn real_malloc;
static calloc_fn real_calloc;
static realloc_fn real_realloc;
static posix_memalign_fn real_posix_memalign;
static aligned_alloc_fn real_aligned_alloc;
static memalign_fn real_memalign;
static valloc_fn real_valloc;
static free_fn real_free;

enum { C_MALLOC, C_CALLOC, C_REALLOC, C_POSIX_MEMALIGN, C_ALIGNED_ALLOC, C_MEMALIGN, C_VALLOC, C_COUNT };
static const char *const names[C_COUNT] = {
    "malloc", "calloc", "realloc", "posix_memalign", "aligned_alloc", "memalign", "valloc",
};
static unsigned long long counts[C_COUNT];
static unsigned long long bytes;

static void count(int which, size_t size) {
    __atomic_fetch_add(&counts[which], 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&bytes, (unsigned long long)size, __ATOMIC_RELAXED);
}

// ---- bootstrap buffer -------------------------------------------------------------------------

// Each bump block: a 16-byte header holding its size, then the memory (16-byte aligned).
static _Alignas(16) unsigned char bump[64 * 1024];
static size_t bump_used;

static int in_bump(const void *p) {
    return (const unsigned char *)p >= bump && (const unsigned char *)p < bump + sizeof bump;
}

static void *bump_alloc(size_t size) {
    size_t need = 16 + ((size + 15) & ~(size_t)15);
    size_t at = __atomic_fetch_add(&bump_used, need, __ATOMIC_RELAXED);
    if (at + need > sizeof bump) return NULL;
    unsigned char *block = bump + at;
    memcpy(block, &size, sizeof size);
    return block + 16; // static storage: already zero, as calloc needs
}

static size_t bump_size(const void *p) {
    size_t size;
    memcpy(&size, (const unsigned char *)p - 16, sizeof size);
    return size;
}

// ---- resolving the real functions -------------------------------------------------------------

// initial-exec: a preloaded library gets static TLS, so reading this never calls __tls_get_addr
// (which could allocate).
static __thread int resolving __attribute__((tls_model("initial-exec")));
static int resolved;

static void resolve(void) {
    if (__atomic_load_n(&resolved, __ATOMIC_ACQUIRE)) return;
    resolving = 1;
    real_malloc = (malloc_fn)dlsym(RTLD_NEXT, "malloc");
    real_calloc = (calloc_fn)dlsym(RTLD_NEXT, "calloc");
    real_realloc = (realloc_fn)dlsym(RTLD_NEXT, "realloc");
    real_posix_memalign = (posix_memalign_fn)dlsym(RTLD_NEXT, "posix_memalign");
    real_aligned_alloc = (aligned_alloc_fn)dlsym(RTLD_NEXT, "aligned_alloc");
    real_memalign = (memalign_fn)dlsym(RTLD_NEXT, "memalign");
    real_valloc = (valloc_fn)dlsym(RTLD_NEXT, "valloc");
    real_free = (free_fn)dlsym(RTLD_NEXT, "free");
    resolving = 0;
    if (!real_malloc || !real_calloc || !real_realloc || !real_free) {
        static const char msg[] = "malloc-counter: dlsym(RTLD_NEXT) did not find malloc/calloc/realloc/free\n";
        (void)!write(2, msg, sizeof msg - 1);
        _exit(127);
    }
    __atomic_store_n(&resolved, 1, __ATOMIC_RELEASE);
}

__attribute__((constructor(101))) static void counter_start(void) { resolve(); }

// ---- the wrappers -----------------------------------------------------------------------------

void *malloc(size_t size) {
    if (resolving) return bump_alloc(size);
    resolve();
    count(C_MALLOC, size);
    return real_malloc(size);
}

void *calloc(size_t n, size_t size) {
    if (resolving) {
        if (size && n > SIZE_MAX / size) return NULL;
        return bump_alloc(n * size);
    }
    resolve();
    count(C_CALLOC, n * size);
    return real_calloc(n, size);
}

void *realloc(void *p, size_t size) {
    if (resolving) {
        void *q = bump_alloc(size);
        if (q && p) memcpy(q, p, bump_size(p) < size ? bump_size(p) : size);
        return q;
    }
    resolve();
    count(C_REALLOC, size);
    if (p && in_bump(p)) {
        void *q = real_malloc(size);
        if (q) memcpy(q, p, bump_size(p) < size ? bump_size(p) : size);
        return q;
    }
    return real_realloc(p, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    resolve();
    count(C_POSIX_MEMALIGN, size);
    if (!real_posix_memalign) return ENOMEM;
    return real_posix_memalign(out, alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    resolve();
    count(C_ALIGNED_ALLOC, size);
    if (!real_aligned_alloc) return NULL;
    return real_aligned_alloc(alignment, size);
}

void *memalign(size_t alignment, size_t size) {
    resolve();
    count(C_MEMALIGN, size);
    if (!real_memalign) return NULL;
    return real_memalign(alignment, size);
}

void *valloc(size_t size) {
    resolve();
    count(C_VALLOC, size);
    if (!real_valloc) return NULL;
    return real_valloc(size);
}

void free(void *p) {
    if (!p || in_bump(p)) return;
    if (!real_free) resolve();
    real_free(p);
}

// ---- the report at exit -----------------------------------------------------------------------

// No stdio: it may allocate, and this runs while the process is going away.
static char *put_text(char *at, const char *text) {
    while (*text) *at++ = *text++;
    return at;
}

static char *put_number(char *at, unsigned long long n) {
    char digits[24];
    int len = 0;
    do { digits[len++] = (char)('0' + n % 10); n /= 10; } while (n);
    while (len) *at++ = digits[--len];
    return at;
}

__attribute__((destructor)) static void counter_report(void) {
    const char *path = getenv("MALLOC_COUNTER_OUT");
    if (!path || !*path) return;
    char line[512], *at = line;
    at = put_text(at, "pid=");
    at = put_number(at, (unsigned long long)getpid());
    for (int i = 0; i < C_COUNT; i++) {
        *at++ = ' ';
        at = put_text(at, names[i]);
        *at++ = '=';
        at = put_number(at, __atomic_load_n(&counts[i], __ATOMIC_RELAXED));
    }
    at = put_text(at, " bytes=");
    at = put_number(at, __atomic_load_n(&bytes, __ATOMIC_RELAXED));
    *at++ = '\n';
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    (void)!write(fd, line, (size_t)(at - line));
    close(fd);
}
