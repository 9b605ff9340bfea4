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

/* RecurrentCell.Output: a Q15 state value requantised to int8. */
static inline int8_t recurrent_output(int32_t q15, const edge_requant *r, int32_t zero_point)
{
    return edge_requantize(q15, r, zero_point, EDGE_INT8_MIN, EDGE_INT8_MAX);
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
