/* Any element-wise function by a 256-entry table: the native override of LookupTableInt8.Eval. */
#include "edge_internal.h"

int32_t edge_lookup_table_int8(const int32_t *p, int32_t p_count,
                               const int8_t *weights, int32_t weights_count,
                               int8_t *arena, int32_t arena_count,
                               int32_t input, int32_t output)
{
    if (p_count < EDGE_LUT_PARAMETERS) return EDGE_E_RANGE;
    const int32_t count = p[EDGE_LUT_COUNT];
    if (count <= 0) return EDGE_OK;
    if (!edge_fits(input, count, arena_count) || !edge_fits(output, count, arena_count) ||
        !edge_fits(p[EDGE_LUT_TABLE_AT], EDGE_LUT_TABLE_LENGTH, weights_count))
        return EDGE_E_RANGE;
    const int8_t *table = weights + p[EDGE_LUT_TABLE_AT] + 128;
    for (int32_t i = 0; i < count; i++) arena[output + i] = table[arena[input + i]];
    return EDGE_OK;
}
