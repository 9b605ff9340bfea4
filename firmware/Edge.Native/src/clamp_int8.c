/* ReLU/ReLU6/Clip left unfused: the native override of ClampInt8.Eval. */
#include "edge_internal.h"

int32_t edge_clamp_int8(const int32_t *p, int32_t p_count,
                        int8_t *arena, int32_t arena_count,
                        int32_t input, int32_t output)
{
    if (p_count < EDGE_CLAMP_PARAMETERS) return EDGE_E_RANGE;
    const int32_t count = p[EDGE_CLAMP_COUNT];
    if (!edge_fits(input, count, arena_count) || !edge_fits(output, count, arena_count)) return EDGE_E_RANGE;
    const int32_t min = p[EDGE_CLAMP_MIN];
    const int32_t max = p[EDGE_CLAMP_MAX];
    /* Element by element in index order, so an output overlapping the input reads what the
     * managed loop reads. */
    for (int32_t i = 0; i < count; i++) arena[output + i] = (int8_t)edge_clamp(arena[input + i], min, max);
    return EDGE_OK;
}
