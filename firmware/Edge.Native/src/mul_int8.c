/* Element-wise product of two int8 tensors: the native override of MulInt8.Eval (TFLM's reference integer Mul). */
#include "edge_internal.h"

int32_t edge_mul_int8(const int32_t *p, int32_t p_count,
                      int8_t *arena, int32_t arena_count,
                      int32_t input1, int32_t input2, int32_t output)
{
    if (p_count < EDGE_MUL_PARAMETERS) return EDGE_E_RANGE;
    const int32_t count = p[EDGE_MUL_COUNT];
    if (!edge_fits(input1, count, arena_count) || !edge_fits(input2, count, arena_count) ||
        !edge_fits(output, count, arena_count))
        return EDGE_E_RANGE;
    const int32_t offset1 = p[EDGE_MUL_INPUT1_OFFSET];
    const int32_t offset2 = p[EDGE_MUL_INPUT2_OFFSET];
    const edge_requant r = edge_requant_prepare(p[EDGE_MUL_OUTPUT_MULTIPLIER], p[EDGE_MUL_OUTPUT_SHIFT], 1);
    const int32_t zero_point = p[EDGE_MUL_OUTPUT_ZERO_POINT];
    const int32_t min = p[EDGE_MUL_ACTIVATION_MIN];
    const int32_t max = p[EDGE_MUL_ACTIVATION_MAX];
    for (int32_t i = 0; i < count; i++)
    {
        int32_t product = edge_wrap_mul(edge_wrap_add(arena[input1 + i], offset1), edge_wrap_add(arena[input2 + i], offset2));
        arena[output + i] = edge_requantize(product, &r, zero_point, min, max);
    }
    return EDGE_OK;
}
