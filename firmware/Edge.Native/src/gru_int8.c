/*
 * ONNX GRU, forward, batch 1, zero initial state, int8 weights per row, Q15 state: the native
 * override of GruInt8.Eval, in its order of reads and writes (gates z, r, h; see GruInt8.cs):
 *   z = sigma(Wz x + Rz h + bz), r = sigma(Wr x + Rr h + br),
 *   n = tanh(Wh x + r (Rh h + Rbh) + Wbh)   (linear_before_reset = 1)
 *     or tanh(Wh x + Rh (r h) + Rbh + Wbh)  (= 0),
 *   h = n + z (h - n).
 * The state rows run on recurrent_cell.h's packed state on the DSP path.
 */
#include "recurrent_cell.h"

typedef struct
{
    const int8_t *weights;   /* input weights, [3*hidden][size] */
    const int8_t *recurrent; /* [3*hidden][hidden] */
    const int32_t *input_multipliers, *input_shifts, *recurrent_multipliers, *recurrent_shifts, *input_bias, *recurrent_bias;
    int32_t size, hidden, offset;
} gru_layer;

/* Row `row`'s input part rescaled into Q12. */
static inline int32_t gru_input(const gru_layer *l, const int8_t *x, int32_t row)
{
    return recurrent_rescale(recurrent_input_sum(l->weights + row * l->size, x, l->offset, l->size),
                             l->input_multipliers[row], l->input_shifts[row]);
}

/* Row `row`'s state part rescaled into Q12. */
static inline int32_t gru_state(const gru_layer *l, const recurrent_state *s, int32_t row)
{
    return recurrent_rescale(recurrent_state_sum(l->recurrent + row * l->hidden, s), l->recurrent_multipliers[row], l->recurrent_shifts[row]);
}

/* A state row's sum rescaled into Q12. */
static inline int32_t gru_rescale_state(const gru_layer *l, int32_t sum, int32_t row)
{
    return recurrent_rescale(sum, l->recurrent_multipliers[row], l->recurrent_shifts[row]);
}

/* An input row's sum rescaled into Q12. */
static inline int32_t gru_rescale_input(const gru_layer *l, int32_t sum, int32_t row)
{
    return recurrent_rescale(sum, l->input_multipliers[row], l->input_shifts[row]);
}

/* GruInt8.Gate from the row's input and state sums. */
static inline int32_t gru_gate_of(const gru_layer *l, int32_t input_sum, int32_t state_sum, int32_t row)
{
    int32_t v = edge_wrap_add(gru_rescale_input(l, input_sum, row), gru_rescale_state(l, state_sum, row));
    v = edge_wrap_add(v, l->input_bias[row]);
    return edge_wrap_add(v, l->recurrent_bias[row]);
}

/* GruInt8.Gate: a z or r row's pre-activation, both parts and both biases, Q12. */
static inline int32_t gru_gate(const gru_layer *l, const int8_t *x, const recurrent_state *s, int32_t row)
{
    int32_t v = edge_wrap_add(gru_input(l, x, row), gru_state(l, s, row));
    v = edge_wrap_add(v, l->input_bias[row]);
    return edge_wrap_add(v, l->recurrent_bias[row]);
}

int32_t edge_gru_int8(const int32_t *p, int32_t p_count,
                      const int8_t *weights, int32_t weights_count,
                      const int32_t *ints, int32_t ints_count,
                      int8_t *arena8, int32_t arena8_count,
                      int32_t *arena32, int32_t arena32_count,
                      int32_t input, int32_t output)
{
    if (p_count < EDGE_GRU_PARAMETERS) return EDGE_E_RANGE;
    const int32_t steps = p[EDGE_GRU_STEPS], size = p[EDGE_GRU_INPUT_SIZE], hidden = p[EDGE_GRU_HIDDEN];
    const int sequences = p[EDGE_GRU_RETURN_SEQUENCES] != 0;
    const int before_reset = p[EDGE_GRU_LINEAR_BEFORE_RESET] != 0;
    const int32_t row_ints[] = { p[EDGE_GRU_INPUT_MULTIPLIERS_AT], p[EDGE_GRU_INPUT_SHIFTS_AT], p[EDGE_GRU_RECURRENT_MULTIPLIERS_AT],
                                 p[EDGE_GRU_RECURRENT_SHIFTS_AT], p[EDGE_GRU_INPUT_BIAS_AT], p[EDGE_GRU_RECURRENT_BIAS_AT] };
    int32_t status = recurrent_check(3, steps, size, hidden, sequences, p[EDGE_GRU_WEIGHTS_AT], p[EDGE_GRU_RECURRENT_AT], row_ints, 6,
                                     p[EDGE_GRU_SIGMOID_TABLE_AT], p[EDGE_GRU_TANH_TABLE_AT], p[EDGE_GRU_STATE_AT],
                                     weights_count, ints_count, arena8_count, arena32_count, input, output);
    if (status != EDGE_OK || hidden <= 0) return status;
    gru_layer l;
    l.weights = weights + p[EDGE_GRU_WEIGHTS_AT];
    l.recurrent = weights + p[EDGE_GRU_RECURRENT_AT];
    l.input_multipliers = ints + p[EDGE_GRU_INPUT_MULTIPLIERS_AT];
    l.input_shifts = ints + p[EDGE_GRU_INPUT_SHIFTS_AT];
    l.recurrent_multipliers = ints + p[EDGE_GRU_RECURRENT_MULTIPLIERS_AT];
    l.recurrent_shifts = ints + p[EDGE_GRU_RECURRENT_SHIFTS_AT];
    l.input_bias = ints + p[EDGE_GRU_INPUT_BIAS_AT];
    l.recurrent_bias = ints + p[EDGE_GRU_RECURRENT_BIAS_AT];
    l.size = size;
    l.hidden = hidden;
    l.offset = p[EDGE_GRU_INPUT_OFFSET];
    const int32_t *sigmoid = ints + p[EDGE_GRU_SIGMOID_TABLE_AT];
    const int32_t *tanh_table = ints + p[EDGE_GRU_TANH_TABLE_AT];
    int32_t *h = arena32 + p[EDGE_GRU_STATE_AT];
    int32_t *next = h + hidden;
    int32_t *gated = next + hidden;
    const edge_requant out = edge_requant_prepare(p[EDGE_GRU_OUTPUT_MULTIPLIER], p[EDGE_GRU_OUTPUT_SHIFT], 1);
    const int32_t zero_point = p[EDGE_GRU_OUTPUT_ZERO_POINT];
    recurrent_state state;   /* one packed vector on the stack: h, then (linear_before_reset = 0) r*h */
    for (int32_t j = 0; j < hidden; j++) h[j] = edge_opaque(0);
    for (int32_t t = 0; t < steps; t++)
    {
        const int8_t *x = arena8 + input + (int64_t)t * size;
        recurrent_state_load(&state, h, hidden);
        if (before_reset)
        {
            const int32_t gate_rows = hidden * hidden;
            for (int32_t j = 0; j < hidden; j++)
            {
                /* The state rows of z, r and h together, and their input rows. */
                const int8_t *rz = l.recurrent + j * hidden;
                int32_t sums[4];
                recurrent_state_rows3(rz, gate_rows, &state, sums);
                const int8_t *wz = l.weights + j * size;
                const int32_t input_rows = hidden * size;
                int32_t inputs[4];
                recurrent_input_rows3(wz, input_rows, x, l.offset, size, inputs);
                const int32_t z = recurrent_lookup(sigmoid, gru_gate_of(&l, inputs[0], sums[0], j));
                const int32_t row = 2 * hidden + j;
                const int32_t from_input = edge_wrap_add(gru_rescale_input(&l, inputs[2], row), l.input_bias[row]);
                const int32_t r = recurrent_lookup(sigmoid, gru_gate_of(&l, inputs[1], sums[1], hidden + j));
                const int32_t from_state = recurrent_mul_q15(r, edge_wrap_add(gru_rescale_state(&l, sums[2], row), l.recurrent_bias[row]));
                const int32_t n = recurrent_lookup(tanh_table, edge_wrap_add(from_input, from_state));
                next[j] = edge_wrap_add(n, recurrent_mul_q15(z, edge_wrap_add(h[j], (int32_t)(0u - (uint32_t)n))));
            }
        }
        else
        {
            /* Every value depends only on x, h and r*h, none of which this step changes, so the
             * managed single loop can be split: r*h first, z parked in next, then n and the blend. */
            for (int32_t j = 0; j < hidden; j++)
                gated[j] = recurrent_mul_q15(recurrent_lookup(sigmoid, gru_gate(&l, x, &state, hidden + j)), h[j]);
            for (int32_t j = 0; j < hidden; j++) next[j] = recurrent_lookup(sigmoid, gru_gate(&l, x, &state, j));
            recurrent_state_load(&state, gated, hidden);
            for (int32_t j = 0; j < hidden; j++)
            {
                const int32_t row = 2 * hidden + j;
                const int32_t from_input = edge_wrap_add(gru_input(&l, x, row), l.input_bias[row]);
                const int32_t from_state = edge_wrap_add(gru_state(&l, &state, row), l.recurrent_bias[row]);
                const int32_t n = recurrent_lookup(tanh_table, edge_wrap_add(from_input, from_state));
                next[j] = edge_wrap_add(n, recurrent_mul_q15(next[j], edge_wrap_add(h[j], (int32_t)(0u - (uint32_t)n))));
            }
        }
        recurrent_end_step(h, next, hidden, sequences ? arena8 + output + (int64_t)t * hidden : 0, &out, zero_point);
    }
    if (!sequences)
    {
        for (int32_t j = 0; j < hidden; j++) arena8[output + j] = recurrent_output(h[j], &out, zero_point);
    }
    return EDGE_OK;
}
