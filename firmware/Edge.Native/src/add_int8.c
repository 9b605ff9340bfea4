/*
 * Element-wise sum of two int8 tensors with their own scales: the native override of
 * AddInt8.Eval (TFLM's reference integer Add: both inputs shifted left, rescaled to a common
 * scale, summed, requantised).
 */
#include "edge_internal.h"

int32_t edge_add_int8(const int32_t *p, int32_t p_count,
                      int8_t *arena, int32_t arena_count,
                      int32_t input1, int32_t input2, int32_t output)
{
    if (p_count < EDGE_ADD_PARAMETERS) return EDGE_E_RANGE;
    const int32_t count = p[EDGE_ADD_COUNT];
    if (!edge_fits(input1, count, arena_count) || !edge_fits(input2, count, arena_count) ||
        !edge_fits(output, count, arena_count))
        return EDGE_E_RANGE;
    const int32_t offset1 = p[EDGE_ADD_INPUT1_OFFSET];
    const int32_t offset2 = p[EDGE_ADD_INPUT2_OFFSET];
    const int32_t scale = edge_shift_left(1, p[EDGE_ADD_LEFT_SHIFT]);
    const edge_requant r1 = edge_requant_prepare(p[EDGE_ADD_INPUT1_MULTIPLIER], p[EDGE_ADD_INPUT1_SHIFT], 1);
    const edge_requant r2 = edge_requant_prepare(p[EDGE_ADD_INPUT2_MULTIPLIER], p[EDGE_ADD_INPUT2_SHIFT], 1);
    const edge_requant ro = edge_requant_prepare(p[EDGE_ADD_OUTPUT_MULTIPLIER], p[EDGE_ADD_OUTPUT_SHIFT], 1);
    const int32_t zero_point = p[EDGE_ADD_OUTPUT_ZERO_POINT];
    const int32_t min = p[EDGE_ADD_ACTIVATION_MIN];
    const int32_t max = p[EDGE_ADD_ACTIVATION_MAX];
    for (int32_t i = 0; i < count; i++)
    {
        int32_t a = edge_wrap_mul(edge_wrap_add(arena[input1 + i], offset1), scale);
        int32_t b = edge_wrap_mul(edge_wrap_add(arena[input2 + i], offset2), scale);
        int32_t sum = edge_wrap_add(edge_requant_apply(a, &r1), edge_requant_apply(b, &r2));
        arena[output + i] = edge_requantize(sum, &ro, zero_point, min, max);
    }
    return EDGE_OK;
}
