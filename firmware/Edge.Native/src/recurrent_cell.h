/*
 * What the GRU and LSTM kernels share (RecurrentCell.cs): Q15 state, Q12 gate pre-activations,
 * 257-entry Q15 tables over [-8, 8] with linear interpolation, and the two matrix-vector rows
 * (int8 weights against the int8 input, against the int32 Q15 state), each rescaled into Q12.
 *
 * With the DSP extension the state row runs on SMLAD too: once per step the state vector is
 * packed into 16-bit lanes in the order edge_lanes_even/odd split a word of weights into
 * (bytes 0, 2, then 1, 3), when every value fits 16 bits (a Q15 state of exactly +1.0, 32768,
 * does not: that step takes the 32-bit loop). Sums are modulo 2^32 as the managed int
 * accumulators are, so the order of the additions does not matter.
 */
#ifndef RECURRENT_CELL_H
#define RECURRENT_CELL_H

#include "edge_internal.h"
#include "edge_dot.h"

#define RECURRENT_MAX_HIDDEN 256

/* RecurrentCell.Lookup: the table's value at a Q12 argument clamped to [-8, 8), interpolated. */
static inline int32_t recurrent_lookup(const int32_t *table, int32_t q12)
{
    int32_t x = edge_wrap_add(q12, 8 << 12);
    if (x < 0) x = 0;
    if (x > (16 << 12) - 1) x = (16 << 12) - 1;
    const int32_t i = x >> 8, f = x & 255;
    const int32_t a = table[i], b = table[i + 1];
    return edge_wrap_add(a, edge_wrap_add(edge_wrap_mul(edge_wrap_add(b, (int32_t)(0u - (uint32_t)a)), f), 128) >> 8);
}

/* RecurrentCell.MulQ15: round(q15*x / 2^15), ties toward +infinity, truncated to int32 as C#'s cast. */
static inline int32_t recurrent_mul_q15(int32_t q15, int32_t x)
{
    return (int32_t)(uint32_t)(uint64_t)(((int64_t)q15 * x + (1 << 14)) >> 15);
}

/* MultiplyByQuantizedMultiplier for a gate row's rescaling into Q12, which runs once per row and
 * step: the one-multiply form of edge_internal.h (no left shift, a right shift 1..31, M in
 * (2^30, 2^31): every row the converter writes) without building the channel's constants,
 * else the general function. */
static inline int32_t recurrent_rescale(int32_t acc, int32_t multiplier, int32_t shift)
{
    if (EDGE_LIKELY(shift <= -1 && shift >= -31 && multiplier > (1 << 30)))
    {
        /* (acc*M + 2^30 - [acc<0]*2^31 + 2^(30+r)) >> (31+r): for r >= 2 the last term only adds
         * 2^(r-2) to the high word (|high| < 2^30, so that sum fits), for r = 1 it is 2^31. */
        const int32_t right = -shift;
        const int64_t product = (int64_t)acc * multiplier + ((int64_t)1 << 30) - ((int64_t)(acc < 0) << 31);
        if (right == 1) return (int32_t)((product + ((int64_t)1 << 31)) >> 32);
        return ((int32_t)(product >> 32) + (1 << (right - 2))) >> (right - 1);
    }
    return edge_multiply_by_quantized_multiplier(acc, multiplier, shift);
}

/* RecurrentCell.InputGate without its rescaling: sum w*(x + offset) = sum w*x + offset*sum w. */
static inline int32_t recurrent_input_sum(const int8_t *w, const int8_t *x, int32_t offset, int32_t size)
{
#if EDGE_DSP
    return edge_wrap_add(edge_dot1(x, w, size, 0), edge_wrap_mul(offset, edge_sum_int8(w, size)));
#else
    uint32_t acc = 0, sum = 0;
    for (int32_t k = 0; k < size; k++)
    {
        acc += (uint32_t)((int32_t)w[k] * x[k]);
        sum += (uint32_t)(int32_t)w[k];
    }
    return (int32_t)(acc + (uint32_t)edge_wrap_mul(offset, (int32_t)sum));
#endif
}

/* The state vector as the state row reads it: 32-bit values, and (DSP, when they all fit) 16-bit lanes. */
typedef struct
{
    const int32_t *values;
    int32_t size;
    int packed;
#if EDGE_DSP
    int16_t lanes[RECURRENT_MAX_HIDDEN];
#endif
} recurrent_state;

static inline void recurrent_state_load(recurrent_state *s, const int32_t *values, int32_t size)
{
    s->values = values;
    s->size = size;
    s->packed = 0;
#if EDGE_DSP
    if (size > RECURRENT_MAX_HIDDEN) return;
    for (int32_t k = 0; k < size; k++)
    {
        if (values[k] < -32768 || values[k] > 32767) return;
    }
    int32_t k = 0;
    for (; k + 4 <= size; k += 4)
    {
        s->lanes[k] = (int16_t)values[k];
        s->lanes[k + 1] = (int16_t)values[k + 2];
        s->lanes[k + 2] = (int16_t)values[k + 1];
        s->lanes[k + 3] = (int16_t)values[k + 3];
    }
    for (; k < size; k++) s->lanes[k] = (int16_t)values[k];
    s->packed = 1;
#endif
}

/* RecurrentCell.StateGate without its rescaling: sum w*state, modulo 2^32. */
static inline int32_t recurrent_state_sum(const int8_t *w, const recurrent_state *s)
{
    uint32_t acc = 0;
    int32_t k = 0;
#if EDGE_DSP
    if (s->packed)
    {
        int32_t a = 0;
        for (; k + 4 <= s->size; k += 4)
        {
            int32_t wv = edge_load4(w + k), even, odd;
            __builtin_memcpy(&even, s->lanes + k, 4);
            __builtin_memcpy(&odd, s->lanes + k + 2, 4);
            a = edge_dual_mac(edge_lanes_even(wv), even, a);
            a = edge_dual_mac(edge_lanes_odd(wv), odd, a);
        }
        acc = (uint32_t)a;
    }
#endif
    for (; k < s->size; k++) acc += (uint32_t)w[k] * (uint32_t)s->values[k];
    return (int32_t)acc;
}

#if defined(__GNUC__)
#define RECURRENT_INLINE static inline __attribute__((always_inline))
#define RECURRENT_KERNEL static __attribute__((noinline, unused))
#else
#define RECURRENT_INLINE static inline
#define RECURRENT_KERNEL static
#endif

/*
 * The rows of one hidden unit's gates (3 or 4 rows `stride` apart: a unit's gates share each
 * load of the vector they multiply): acc[g] = sum_k w[g*stride + k] * v[k], modulo 2^32, with v
 * the packed state (state rows) or x + offset (input rows; on the DSP path the offset is added
 * to the input's 16-bit lanes by SXTAB16, so no weight sum is needed, and an offset the lanes
 * cannot hold takes the scalar loop). Rows 0 and 2 are walked by pointer and rows 1 and 3 read
 * at +stride, as in edge_dot4, so the loop keeps everything in registers. Called through the
 * noinline wrappers below: inlined, their live values would spill in the callers' loops.
 */
RECURRENT_INLINE void recurrent_rows(const int8_t *w, int32_t stride, const recurrent_state *s, const int8_t *x, int32_t offset,
                                     int32_t size, const int rows, int32_t acc[4])
{
    uint32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    const int8_t *w0 = w;
    const int8_t *w2 = w + 2 * stride;
    int32_t k = 0;
#if EDGE_DSP
    const int packed = s != 0 ? s->packed : offset >= -32768 - EDGE_INT8_MIN && offset <= 32767 - EDGE_INT8_MAX;
    if (packed)
    {
        const int32_t offset2 = edge_pair(offset);
        int32_t b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        for (; k + 4 <= size; k += 4)
        {
            int32_t even, odd;
            if (s != 0)
            {
                __builtin_memcpy(&even, s->lanes + k, 4);
                __builtin_memcpy(&odd, s->lanes + k + 2, 4);
            }
            else
            {
                const int32_t xv = edge_load4(x + k);
                even = edge_lanes_even_plus(xv, offset2);
                odd = edge_lanes_odd_plus(xv, offset2);
            }
            int32_t wv = edge_load4(w0 + k);
            b0 = edge_dual_mac(edge_lanes_even(wv), even, b0);
            b0 = edge_dual_mac(edge_lanes_odd(wv), odd, b0);
            wv = edge_load4(w0 + stride + k);
            b1 = edge_dual_mac(edge_lanes_even(wv), even, b1);
            b1 = edge_dual_mac(edge_lanes_odd(wv), odd, b1);
            wv = edge_load4(w2 + k);
            b2 = edge_dual_mac(edge_lanes_even(wv), even, b2);
            b2 = edge_dual_mac(edge_lanes_odd(wv), odd, b2);
            if (rows == 4)
            {
                wv = edge_load4(w2 + stride + k);
                b3 = edge_dual_mac(edge_lanes_even(wv), even, b3);
                b3 = edge_dual_mac(edge_lanes_odd(wv), odd, b3);
            }
        }
        a0 = (uint32_t)b0;
        a1 = (uint32_t)b1;
        a2 = (uint32_t)b2;
        a3 = (uint32_t)b3;
    }
#endif
    for (; k < size; k++)
    {
        const uint32_t v = s != 0 ? (uint32_t)s->values[k] : (uint32_t)edge_wrap_add(x[k], offset);
        a0 += (uint32_t)w0[k] * v;
        a1 += (uint32_t)w0[stride + k] * v;
        a2 += (uint32_t)w2[k] * v;
        if (rows == 4) a3 += (uint32_t)w2[stride + k] * v;
    }
    acc[0] = (int32_t)a0;
    acc[1] = (int32_t)a1;
    acc[2] = (int32_t)a2;
    acc[3] = (int32_t)a3;
}

/* A unit's three (GRU) or four (LSTM) state rows against the state. */
RECURRENT_KERNEL void recurrent_state_rows3(const int8_t *w, int32_t stride, const recurrent_state *s, int32_t acc[4])
{
    recurrent_rows(w, stride, s, 0, 0, s->size, 3, acc);
}

RECURRENT_KERNEL void recurrent_state_rows4(const int8_t *w, int32_t stride, const recurrent_state *s, int32_t acc[4])
{
    recurrent_rows(w, stride, s, 0, 0, s->size, 4, acc);
}

/* A unit's three or four input rows against x + offset (RecurrentCell.InputGate's sums). */
RECURRENT_KERNEL void recurrent_input_rows3(const int8_t *w, int32_t stride, const int8_t *x, int32_t offset, int32_t size, int32_t acc[4])
{
    recurrent_rows(w, stride, 0, x, offset, size, 3, acc);
}

RECURRENT_KERNEL void recurrent_input_rows4(const int8_t *w, int32_t stride, const int8_t *x, int32_t offset, int32_t size, int32_t acc[4])
{
    recurrent_rows(w, stride, 0, x, offset, size, 4, acc);
}

/* RecurrentCell.Output: a Q15 state value requantised to int8. */
static inline int8_t recurrent_output(int32_t q15, const edge_requant *r, int32_t zero_point)
{
    return edge_requantize(q15, r, zero_point, EDGE_INT8_MIN, EDGE_INT8_MAX);
}

/* The end of a step: h takes the new state and, returning sequences, the step's output row
 * (step_output, else null) gets it requantised; in the managed order of writes. */
static inline void recurrent_end_step(int32_t *h, const int32_t *next, int32_t hidden, int8_t *step_output,
                                      const edge_requant *out, int32_t zero_point)
{
    for (int32_t j = 0; j < hidden; j++)
    {
        h[j] = next[j];
        if (step_output != 0) step_output[j] = recurrent_output(h[j], out, zero_point);
    }
}

/* The extents both cells read: gates*hidden rows of input and recurrent weights and their
 * multipliers and shifts, two tables, the state in the int32 arena, the input and output. */
static inline int32_t recurrent_check(int32_t gates, int32_t steps, int32_t size, int32_t hidden, int32_t sequences,
                                      int32_t weights_at, int32_t recurrent_at, const int32_t *row_ints, int32_t row_int_count,
                                      int32_t sigmoid_at, int32_t tanh_at, int32_t state_at,
                                      int32_t weights_count, int32_t ints_count, int32_t arena8_count, int32_t arena32_count,
                                      int32_t input, int32_t output)
{
    if (hidden <= 0) return EDGE_OK;   /* the managed loops touch nothing */
    if (steps < 0 || size < 0 || hidden > RECURRENT_MAX_HIDDEN) return EDGE_E_ARGUMENT;
    const int64_t rows = (int64_t)gates * hidden;
    for (int32_t i = 0; i < row_int_count; i++)
    {
        if (!edge_fits(row_ints[i], rows, ints_count)) return EDGE_E_RANGE;
    }
    if (!edge_fits(weights_at, rows * size, weights_count) || !edge_fits(recurrent_at, rows * hidden, weights_count) ||
        !edge_fits(sigmoid_at, EDGE_RECURRENT_TABLE_LENGTH, ints_count) || !edge_fits(tanh_at, EDGE_RECURRENT_TABLE_LENGTH, ints_count) ||
        !edge_fits(state_at, 3 * (int64_t)hidden, arena32_count) ||
        !edge_fits(input, (int64_t)steps * size, arena8_count) ||
        !edge_fits(output, sequences ? (int64_t)steps * hidden : hidden, arena8_count))
        return EDGE_E_RANGE;
    return EDGE_OK;
}

#endif /* RECURRENT_CELL_H */
