/*
 * Fully connected, per-output-channel int8 weights: the native override of
 * FullyConnectedInt8.Eval. out[r,c] = clamp(MBQM(bias[c] + sum_d w[c,d]*x[r,d], M[c], s[c]) + zp_out),
 * with the input zero point already folded into bias by the converter.
 *
 * With the DSP extension, four output channels are computed together so that each word of input
 * is loaded and unpacked once for four rows of weights (edge_dot.h).
 */
#include "edge_internal.h"
#include "edge_dot.h"

typedef struct
{
    const int8_t *weights;
    const int32_t *bias;
    const int32_t *multipliers;
    const int32_t *shifts;
    int32_t depth;
    int32_t channels;
    int32_t zero_point;
    int32_t min;
    int32_t max;
} fc_layer;

/* One channel's dot product in the managed kernel's order: portable, and the only path used
 * when the output overlaps the input (then the order of reads and writes decides the result). */
static int32_t fc_dot_plain(const int8_t *x, const int8_t *w, int32_t depth, int32_t acc)
{
    uint32_t sum = (uint32_t)acc;
    for (int32_t d = 0; d < depth; d++) sum += (uint32_t)((int32_t)w[d] * (int32_t)x[d]);
    return (int32_t)sum;
}

static void fc_row_plain(const fc_layer *l, const int8_t *x, int8_t *y)
{
    for (int32_t c = 0; c < l->channels; c++)
    {
        int32_t acc = fc_dot_plain(x, l->weights + (int64_t)c * l->depth, l->depth, l->bias[c]);
        edge_requant r = edge_requant_of(l->multipliers[c], l->shifts[c]);
        y[c] = edge_requantize(acc, &r, l->zero_point, l->min, l->max);
    }
}

#if EDGE_DSP

static void fc_row_dsp(const fc_layer *l, const int8_t *x, int8_t *y)
{
    const int32_t depth = l->depth;
    int32_t c = 0;
    for (; c + 4 <= l->channels; c += 4)
    {
        int32_t acc[4] = { l->bias[c], l->bias[c + 1], l->bias[c + 2], l->bias[c + 3] };
        edge_dot4(x, l->weights + (int64_t)c * depth, depth, depth, acc);
        for (int32_t j = 0; j < 4; j++)
        {
            edge_requant r = edge_requant_of(l->multipliers[c + j], l->shifts[c + j]);
            y[c + j] = edge_requantize(acc[j], &r, l->zero_point, l->min, l->max);
        }
    }
    for (; c < l->channels; c++)
    {
        int32_t acc = edge_dot1(x, l->weights + (int64_t)c * depth, depth, l->bias[c]);
        edge_requant r = edge_requant_of(l->multipliers[c], l->shifts[c]);
        y[c] = edge_requantize(acc, &r, l->zero_point, l->min, l->max);
    }
}

#endif /* EDGE_DSP */

int32_t edge_fully_connected_int8(const int32_t *p, int32_t p_count,
                                  const int8_t *weights, int32_t weights_count,
                                  const int32_t *ints, int32_t ints_count,
                                  int8_t *arena, int32_t arena_count,
                                  int32_t input, int32_t output)
{
    if (p_count < EDGE_FC_PARAMETERS) return EDGE_E_RANGE;
    const int32_t rows = p[EDGE_FC_ROWS];
    const int32_t depth = p[EDGE_FC_IN_FEATURES];
    const int32_t channels = p[EDGE_FC_OUT_FEATURES];
    if (rows <= 0 || channels <= 0) return EDGE_OK;
    const int64_t in_depth = depth > 0 ? depth : 0;
    const int64_t input_count = (int64_t)rows * in_depth;
    const int64_t output_count = (int64_t)rows * channels;
    if (!edge_fits(input, input_count, arena_count) || !edge_fits(output, output_count, arena_count) ||
        !edge_fits(p[EDGE_FC_WEIGHTS_AT], (int64_t)channels * in_depth, weights_count) ||
        !edge_fits(p[EDGE_FC_BIAS_AT], channels, ints_count) ||
        !edge_fits(p[EDGE_FC_MULTIPLIERS_AT], channels, ints_count) ||
        !edge_fits(p[EDGE_FC_SHIFTS_AT], channels, ints_count))
        return EDGE_E_RANGE;

    fc_layer l;
    l.weights = weights + (in_depth > 0 ? p[EDGE_FC_WEIGHTS_AT] : 0);
    l.bias = ints + p[EDGE_FC_BIAS_AT];
    l.multipliers = ints + p[EDGE_FC_MULTIPLIERS_AT];
    l.shifts = ints + p[EDGE_FC_SHIFTS_AT];
    l.depth = (int32_t)in_depth;
    l.channels = channels;
    l.zero_point = p[EDGE_FC_OUTPUT_ZERO_POINT];
    l.min = p[EDGE_FC_ACTIVATION_MIN];
    l.max = p[EDGE_FC_ACTIVATION_MAX];

    const int aliased = edge_overlaps(input, input_count, output, output_count);
    for (int32_t r = 0; r < rows; r++)
    {
        const int8_t *x = arena + input + (int64_t)r * in_depth;
        int8_t *y = arena + output + (int64_t)r * channels;
#if EDGE_DSP
        if (!aliased)
        {
            fc_row_dsp(&l, x, y);
            continue;
        }
#endif
        (void)aliased;
        fc_row_plain(&l, x, y);
    }
    return EDGE_OK;
}
