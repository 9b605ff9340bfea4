/*
 * Armv7E-M DSP helpers (Cortex-M4, M7, M33 with DSP) for the int8 dot products: four int8
 * values are read as one word, split into two pairs of sign-extended 16-bit lanes (bytes 0 and
 * 2, bytes 1 and 3) and multiplied pairwise into a 32-bit sum by SMLAD, two MACs per
 * instruction. SMLAD adds modulo 2^32, as the managed kernels' int accumulators do, so the sums
 * are the same whatever the order of the additions.
 *
 * EDGE_DSP is 1 when the compiler targets a core with these instructions (__ARM_FEATURE_DSP);
 * the kernels then use them, and their portable loops otherwise.
 */
#ifndef EDGE_SIMD_H
#define EDGE_SIMD_H

#include <stdint.h>
#include <string.h>

#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP
#include <arm_acle.h>
#define EDGE_DSP 1
#else
#define EDGE_DSP 0
#endif

#if EDGE_DSP

/* A four-byte copy the compiler turns into one load or store. __builtin_memcpy, not memcpy:
 * firmware builds (nanoFramework's among them) compile with -fno-builtin, under which a plain
 * memcpy stays a library call, ten times the cost of the load in a dot product's inner loop. */
#if defined(__GNUC__)
#define EDGE_COPY4(dst, src) __builtin_memcpy((dst), (src), 4)
#else
#define EDGE_COPY4(dst, src) memcpy((dst), (src), 4)
#endif

/* Four bytes from any address (Armv7-M loads words unaligned). */
static inline int32_t edge_load4(const int8_t *p)
{
    int32_t v;
    EDGE_COPY4(&v, p);
    return v;
}

/* Four bytes to any address. */
static inline void edge_store4(int8_t *p, int32_t v)
{
    EDGE_COPY4(p, &v);
}

/* Bytes 0 and 2 as two signed 16-bit lanes. */
static inline int32_t edge_lanes_even(int32_t v)
{
    return __sxtb16(v);
}

/* Bytes 1 and 3 as two signed 16-bit lanes. ACLE has no rotated SXTB16 and GCC does not fold a
 * rotate into it, which would cost an extra instruction per word; the instruction's own ROR #8
 * does it in one. */
static inline int32_t edge_lanes_odd(int32_t v)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(v));
    return r;
}

/* Bytes 0 and 2, each plus the 16-bit offset held in both lanes of offset2. */
static inline int32_t edge_lanes_even_plus(int32_t v, int32_t offset2)
{
    return __sxtab16(offset2, v);
}

/* Bytes 1 and 3, each plus the 16-bit offset held in both lanes of offset2. */
static inline int32_t edge_lanes_odd_plus(int32_t v, int32_t offset2)
{
    int32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(offset2), "r"(v));
    return r;
}

/* acc + a.lo*b.lo + a.hi*b.hi, modulo 2^32. */
static inline int32_t edge_dual_mac(int32_t a, int32_t b, int32_t acc)
{
    return __smlad(a, b, acc);
}

/* A 16-bit value in both lanes. */
static inline int32_t edge_pair(int32_t v)
{
    return (int32_t)(((uint32_t)v & 0xFFFFu) * 0x00010001u);
}

#endif /* EDGE_DSP */

#endif /* EDGE_SIMD_H */
