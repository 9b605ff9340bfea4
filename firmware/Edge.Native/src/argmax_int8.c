/*
 * Index of the largest element over the middle axis of [outer][depth][inner]: the native
 * override of ArgMaxInt8.Eval (first or last of equal maxima). Writes go in the managed order.
 */
#include "edge_internal.h"

int32_t edge_argmax_int8(const int32_t *p, int32_t p_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output)
{
    if (p_count < EDGE_ARGMAX_PARAMETERS) return EDGE_E_RANGE;
    const int32_t outer = p[EDGE_ARGMAX_OUTER], depth = p[EDGE_ARGMAX_DEPTH], inner = p[EDGE_ARGMAX_INNER];
    if (outer <= 0 || inner <= 0) return EDGE_OK;
    if (depth <= 0) return EDGE_E_ARGUMENT;   /* the load-time check keeps depth in 1..128 */
    if (!edge_fits(input, (int64_t)outer * depth * inner, arena_count) || !edge_fits(output, (int64_t)outer * inner, arena_count))
        return EDGE_E_RANGE;
    const int last = p[EDGE_ARGMAX_SELECT_LAST_INDEX] != 0;
    int8_t *y = arena + output;
    for (int32_t o = 0; o < outer; o++)
    {
        const int8_t *block = arena + input + (int64_t)o * depth * inner;
        for (int32_t i = 0; i < inner; i++)
        {
            int32_t best = 0;
            int32_t best_value = block[i];
            for (int32_t d = 1; d < depth; d++)
            {
                const int32_t v = block[(int64_t)d * inner + i];
                if (v > best_value || (last && v == best_value))
                {
                    best = d;
                    best_value = v;
                }
            }
            *y++ = (int8_t)best;
        }
    }
    return EDGE_OK;
}
