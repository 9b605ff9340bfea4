/*
 * PRelu (and LeakyRelu, one slope) over [outer][channels][inner]: the native override of
 * PReluInt8.Eval. x + offset >= 0 is requantised by the positive multiplier, below it
 * (x + offset)*alpha[c] by the channel's negative multiplier. Writes go in the managed order.
 */
#include "edge_internal.h"

int32_t edge_prelu_int8(const int32_t *p, int32_t p_count,
                        const int8_t *weights, int32_t weights_count,
                        const int32_t *ints, int32_t ints_count,
                        int8_t *arena, int32_t arena_count,
                        int32_t input, int32_t output)
{
    if (p_count < EDGE_PRELU_PARAMETERS) return EDGE_E_RANGE;
    const int32_t outer = p[EDGE_PRELU_OUTER], channels = p[EDGE_PRELU_CHANNELS], inner = p[EDGE_PRELU_INNER];
    if (outer <= 0 || channels <= 0) return EDGE_OK;
    if (!edge_fits(p[EDGE_PRELU_ALPHA_AT], channels, weights_count) ||
        !edge_fits(p[EDGE_PRELU_NEGATIVE_MULTIPLIERS_AT], channels, ints_count) ||
        !edge_fits(p[EDGE_PRELU_NEGATIVE_SHIFTS_AT], channels, ints_count))
        return EDGE_E_RANGE;
    if (inner <= 0) return EDGE_OK;
    const int64_t count = (int64_t)outer * channels * inner;
    if (!edge_fits(input, count, arena_count) || !edge_fits(output, count, arena_count)) return EDGE_E_RANGE;
    const int32_t offset = p[EDGE_PRELU_INPUT_OFFSET];
    const int32_t zero_point = p[EDGE_PRELU_OUTPUT_ZERO_POINT];
    const int32_t min = p[EDGE_PRELU_ACTIVATION_MIN], max = p[EDGE_PRELU_ACTIVATION_MAX];
    const edge_requant positive = edge_requant_prepare(p[EDGE_PRELU_POSITIVE_MULTIPLIER], p[EDGE_PRELU_POSITIVE_SHIFT], 1);
    const int8_t *alpha = weights + p[EDGE_PRELU_ALPHA_AT];
    const int32_t *negative_multipliers = ints + p[EDGE_PRELU_NEGATIVE_MULTIPLIERS_AT];
    const int32_t *negative_shifts = ints + p[EDGE_PRELU_NEGATIVE_SHIFTS_AT];
    const int8_t *x = arena + input;
    int8_t *y = arena + output;
    for (int32_t o = 0; o < outer; o++)
    {
        for (int32_t ch = 0; ch < channels; ch++)
        {
            const int32_t a = alpha[ch];
            const edge_requant negative = edge_requant_prepare(negative_multipliers[ch], negative_shifts[ch], 1);
            for (int32_t i = 0; i < inner; i++)
            {
                const int32_t v = edge_wrap_add(*x++, offset);
                *y++ = v >= 0 ? edge_requantize(v, &positive, zero_point, min, max)
                              : edge_requantize(edge_wrap_mul(v, a), &negative, zero_point, min, max);
            }
        }
    }
    return EDGE_OK;
}
