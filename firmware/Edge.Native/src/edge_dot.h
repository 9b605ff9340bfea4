/*
 * The int8 dot products of the fully connected and convolution kernels on cores with the DSP
 * extension: one input vector against four weight rows (rows `stride` bytes apart), or against
 * one. Sums are modulo 2^32, as the managed int accumulators are.
 *
 * Four rows share each word of input: per 16 MACs, 5 word loads, 10 unpacks (SXTB16) and
 * 8 dual MACs (SMLAD). Rows 0 and 2 are walked by pointer and rows 1 and 3 read at +stride
 * from them, so the loop fits the 13 general registers without touching the stack.
 */
#ifndef EDGE_DOT_H
#define EDGE_DOT_H

#include "edge_internal.h"
#include "edge_simd.h"

#if EDGE_DSP

/* The four-row dot product is a function of its own: inlined into a kernel's loops it would
 * compete with them for the 13 registers its inner loop needs, and spill. GCC's scheduling
 * before register allocation hoists all four weight loads and spills for them too: off here
 * (it saves 2 of 29 instructions per 16 MACs; cycles on a dual-issue M7 are not measured). */
#if defined(__GNUC__) && !defined(__clang__)
#define EDGE_DOT_KERNEL static __attribute__((noinline, unused, optimize("no-schedule-insns")))
#elif defined(__clang__)
#define EDGE_DOT_KERNEL static __attribute__((noinline, unused))
#else
#define EDGE_DOT_KERNEL static
#endif

/* acc += sum_d w[d] * x[d], d < n, one MAC at a time (the tail of a vector). */
static inline int32_t edge_dot_tail(const int8_t *x, const int8_t *w, int32_t n, int32_t acc)
{
    uint32_t sum = (uint32_t)acc;
    for (int32_t d = 0; d < n; d++) sum += (uint32_t)((int32_t)w[d] * (int32_t)x[d]);
    return (int32_t)sum;
}

/* acc[j] += sum_d w[j*stride + d] * x[d] for j = 0..3, d < n: four rows of weights against one
 * input, or (arguments swapped) one row of weights against four inputs `stride` apart. */
EDGE_DOT_KERNEL void edge_dot4(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t acc[4])
{
    const int8_t *w0 = w;
    const int8_t *w2 = w + 2 * stride;
    const int8_t *xp = x;
    const int8_t *xend = x + (n & ~3);
    int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    while (xp != xend)
    {
        int32_t xv = edge_load4(xp);
        xp += 4;
        int32_t xe = edge_lanes_even(xv);
        int32_t xo = edge_lanes_odd(xv);
        int32_t wv = edge_load4(w0);
        a0 = edge_dual_mac(edge_lanes_even(wv), xe, a0);
        a0 = edge_dual_mac(edge_lanes_odd(wv), xo, a0);
        wv = edge_load4(w0 + stride);
        w0 += 4;
        a1 = edge_dual_mac(edge_lanes_even(wv), xe, a1);
        a1 = edge_dual_mac(edge_lanes_odd(wv), xo, a1);
        wv = edge_load4(w2);
        a2 = edge_dual_mac(edge_lanes_even(wv), xe, a2);
        a2 = edge_dual_mac(edge_lanes_odd(wv), xo, a2);
        wv = edge_load4(w2 + stride);
        w2 += 4;
        a3 = edge_dual_mac(edge_lanes_even(wv), xe, a3);
        a3 = edge_dual_mac(edge_lanes_odd(wv), xo, a3);
    }
    /* The last n % 4 elements, all four rows in one loop. */
    for (int32_t rest = n & 3; rest > 0; rest--)
    {
        int32_t xs = *xp++;
        a0 = edge_wrap_add(a0, xs * w0[0]);
        a1 = edge_wrap_add(a1, xs * w0[stride]);
        a2 = edge_wrap_add(a2, xs * w2[0]);
        a3 = edge_wrap_add(a3, xs * w2[stride]);
        w0++;
        w2++;
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* acc + sum_d w[d] * x[d], d < n. */
static inline int32_t edge_dot1(const int8_t *x, const int8_t *w, int32_t n, int32_t acc)
{
    int32_t blocks = n >> 2;
    while (blocks-- > 0)
    {
        int32_t xv = edge_load4(x);
        int32_t wv = edge_load4(w);
        x += 4;
        w += 4;
        acc = edge_dual_mac(edge_lanes_even(wv), edge_lanes_even(xv), acc);
        acc = edge_dual_mac(edge_lanes_odd(wv), edge_lanes_odd(xv), acc);
    }
    return edge_dot_tail(x, w, n & 3, acc);
}

/* sum_d w[d], d < n (SMLAD against 1 in both lanes). */
static inline int32_t edge_sum_int8(const int8_t *w, int32_t n)
{
    const int32_t ones = 0x00010001;
    int32_t sum = 0;
    int32_t blocks = n >> 2;
    while (blocks-- > 0)
    {
        int32_t wv = edge_load4(w);
        w += 4;
        sum = edge_dual_mac(edge_lanes_even(wv), ones, sum);
        sum = edge_dual_mac(edge_lanes_odd(wv), ones, sum);
    }
    for (int32_t d = 0; d < (n & 3); d++) sum += w[d];
    return sum;
}

#endif /* EDGE_DSP */

#endif /* EDGE_DOT_H */
