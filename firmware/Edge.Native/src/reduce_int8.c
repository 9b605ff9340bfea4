/*
 * Sum (mean, by its multiplier) or maximum over the middle axis of [outer][n][inner]: the
 * native override of ReduceInt8.Eval, requantised and clamped. Writes go in the managed order.
 */
#include "edge_internal.h"

int32_t edge_reduce_int8(const int32_t *p, int32_t p_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output)
{
    if (p_count < EDGE_REDUCE_PARAMETERS) return EDGE_E_RANGE;
    const int32_t outer = p[EDGE_REDUCE_OUTER], n = p[EDGE_REDUCE_COUNT], inner = p[EDGE_REDUCE_INNER];
    if (outer <= 0 || inner <= 0) return EDGE_OK;
    if (n < 0) return EDGE_E_ARGUMENT;
    if (!edge_fits(input, (int64_t)outer * n * inner, arena_count) || !edge_fits(output, (int64_t)outer * inner, arena_count))
        return EDGE_E_RANGE;
    const int is_max = p[EDGE_REDUCE_MODE] == EDGE_REDUCE_MODE_MAX;
    const int32_t offset = p[EDGE_REDUCE_INPUT_OFFSET];
    const int32_t zero_point = p[EDGE_REDUCE_OUTPUT_ZERO_POINT];
    const int32_t min = p[EDGE_REDUCE_ACTIVATION_MIN], max = p[EDGE_REDUCE_ACTIVATION_MAX];
    const edge_requant r = edge_requant_prepare(p[EDGE_REDUCE_MULTIPLIER], p[EDGE_REDUCE_SHIFT], 1);
    int8_t *y = arena + output;
    for (int32_t o = 0; o < outer; o++)
    {
        const int8_t *block = arena + input + (int64_t)o * n * inner;
        for (int32_t i = 0; i < inner; i++)
        {
            int32_t acc;
            if (is_max)
            {
                int32_t best = EDGE_INT8_MIN;
                for (int32_t k = 0; k < n; k++)
                {
                    const int32_t v = block[(int64_t)k * inner + i];
                    if (v > best) best = v;
                }
                acc = edge_wrap_add(best, offset);
            }
            else
            {
                uint32_t sum = 0;
                for (int32_t k = 0; k < n; k++) sum += (uint32_t)edge_wrap_add(block[(int64_t)k * inner + i], offset);
                acc = (int32_t)sum;
            }
            *y++ = edge_requantize(acc, &r, zero_point, min, max);
        }
    }
    return EDGE_OK;
}
