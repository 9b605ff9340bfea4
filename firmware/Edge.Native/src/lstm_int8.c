/*
 * ONNX LSTM, forward, batch 1, zero initial state, no peepholes, int8 weights per row, Q15
 * hidden and cell state: the native override of LstmInt8.Eval, in its order of reads and
 * writes (gates i, o, f, c; see LstmInt8.cs): c = f c + i g, h = o tanh(c).
 * The state rows run on recurrent_cell.h's packed state on the DSP path.
 */
#include "recurrent_cell.h"

typedef struct
{
    const int8_t *weights;   /* input weights, [4*hidden][size] */
    const int8_t *recurrent; /* [4*hidden][hidden] */
    const int32_t *input_multipliers, *input_shifts, *recurrent_multipliers, *recurrent_shifts, *bias;
    int32_t size, hidden, offset;
} lstm_layer;

/* LstmInt8.Gate: row `row`'s pre-activation from its input and state sums, + bias, Q12. */
static inline int32_t lstm_gate(const lstm_layer *l, int32_t input_sum, int32_t state_sum, int32_t row)
{
    const int32_t from_input = recurrent_rescale(input_sum, l->input_multipliers[row], l->input_shifts[row]);
    const int32_t from_state = recurrent_rescale(state_sum, l->recurrent_multipliers[row], l->recurrent_shifts[row]);
    return edge_wrap_add(edge_wrap_add(from_input, from_state), l->bias[row]);
}

int32_t edge_lstm_int8(const int32_t *p, int32_t p_count,
                       const int8_t *weights, int32_t weights_count,
                       const int32_t *ints, int32_t ints_count,
                       int8_t *arena8, int32_t arena8_count,
                       int32_t *arena32, int32_t arena32_count,
                       int32_t input, int32_t output)
{
    if (p_count < EDGE_LSTM_PARAMETERS) return EDGE_E_RANGE;
    const int32_t steps = p[EDGE_LSTM_STEPS], size = p[EDGE_LSTM_INPUT_SIZE], hidden = p[EDGE_LSTM_HIDDEN];
    const int sequences = p[EDGE_LSTM_RETURN_SEQUENCES] != 0;
    const int32_t row_ints[] = { p[EDGE_LSTM_INPUT_MULTIPLIERS_AT], p[EDGE_LSTM_INPUT_SHIFTS_AT], p[EDGE_LSTM_RECURRENT_MULTIPLIERS_AT],
                                 p[EDGE_LSTM_RECURRENT_SHIFTS_AT], p[EDGE_LSTM_BIAS_AT] };
    int32_t status = recurrent_check(4, steps, size, hidden, sequences, p[EDGE_LSTM_WEIGHTS_AT], p[EDGE_LSTM_RECURRENT_AT], row_ints, 5,
                                     p[EDGE_LSTM_SIGMOID_TABLE_AT], p[EDGE_LSTM_TANH_TABLE_AT], p[EDGE_LSTM_STATE_AT],
                                     weights_count, ints_count, arena8_count, arena32_count, input, output);
    if (status != EDGE_OK || hidden <= 0) return status;
    lstm_layer l;
    l.weights = weights + p[EDGE_LSTM_WEIGHTS_AT];
    l.recurrent = weights + p[EDGE_LSTM_RECURRENT_AT];
    l.input_multipliers = ints + p[EDGE_LSTM_INPUT_MULTIPLIERS_AT];
    l.input_shifts = ints + p[EDGE_LSTM_INPUT_SHIFTS_AT];
    l.recurrent_multipliers = ints + p[EDGE_LSTM_RECURRENT_MULTIPLIERS_AT];
    l.recurrent_shifts = ints + p[EDGE_LSTM_RECURRENT_SHIFTS_AT];
    l.bias = ints + p[EDGE_LSTM_BIAS_AT];
    l.size = size;
    l.hidden = hidden;
    l.offset = p[EDGE_LSTM_INPUT_OFFSET];
    const int32_t *sigmoid = ints + p[EDGE_LSTM_SIGMOID_TABLE_AT];
    const int32_t *tanh_table = ints + p[EDGE_LSTM_TANH_TABLE_AT];
    int32_t *h = arena32 + p[EDGE_LSTM_STATE_AT];
    int32_t *next = h + hidden;
    int32_t *cell = next + hidden;
    const edge_requant out = edge_requant_prepare(p[EDGE_LSTM_OUTPUT_MULTIPLIER], p[EDGE_LSTM_OUTPUT_SHIFT], 1);
    const int32_t zero_point = p[EDGE_LSTM_OUTPUT_ZERO_POINT];
    recurrent_state state;
    for (int32_t j = 0; j < 3 * hidden; j++) h[j] = edge_opaque(0);
    for (int32_t t = 0; t < steps; t++)
    {
        const int8_t *x = arena8 + input + (int64_t)t * size;
        recurrent_state_load(&state, h, hidden);
        for (int32_t j = 0; j < hidden; j++)
        {
            const int8_t *r = l.recurrent + j * hidden;
            const int32_t gate_rows = hidden * hidden;
            const int8_t *w = l.weights + j * size;
            const int32_t input_rows = hidden * size;
            int32_t sums[4], inputs[4];
            recurrent_state_rows4(r, gate_rows, &state, sums);
            recurrent_input_rows4(w, input_rows, x, l.offset, size, inputs);
            const int32_t i = recurrent_lookup(sigmoid, lstm_gate(&l, inputs[0], sums[0], j));
            const int32_t o = recurrent_lookup(sigmoid, lstm_gate(&l, inputs[1], sums[1], hidden + j));
            const int32_t f = recurrent_lookup(sigmoid, lstm_gate(&l, inputs[2], sums[2], 2 * hidden + j));
            const int32_t g = recurrent_lookup(tanh_table, lstm_gate(&l, inputs[3], sums[3], 3 * hidden + j));
            const int32_t c = edge_wrap_add(recurrent_mul_q15(f, cell[j]), recurrent_mul_q15(i, g));
            cell[j] = c;
            next[j] = recurrent_mul_q15(o, recurrent_lookup(tanh_table, edge_rounding_divide_by_pot(c, 3)));
        }
        recurrent_end_step(h, next, hidden, sequences ? arena8 + output + (int64_t)t * hidden : 0, &out, zero_point);
    }
    if (!sequences)
    {
        for (int32_t j = 0; j < hidden; j++) arena8[output + j] = recurrent_output(h[j], &out, zero_point);
    }
    return EDGE_OK;
}
