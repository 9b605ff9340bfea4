/*
 * Softmax over the last axis by table: the native override of SoftmaxInt8.Eval. With
 * d = max(x) - x, e(d) from the 256-entry exp table (Q15), out = round(256*e / sum e) - 128,
 * clamped to 127.
 */
#include "edge_internal.h"

int32_t edge_softmax_int8(const int32_t *p, int32_t p_count,
                          const int32_t *ints, int32_t ints_count,
                          int8_t *arena, int32_t arena_count,
                          int32_t input, int32_t output)
{
    if (p_count < EDGE_SOFTMAX_PARAMETERS) return EDGE_E_RANGE;
    const int32_t rows = p[EDGE_SOFTMAX_ROWS];
    const int32_t depth = p[EDGE_SOFTMAX_DEPTH];
    if (rows <= 0 || depth <= 0) return EDGE_OK;
    const int64_t count = (int64_t)rows * depth;
    if (!edge_fits(input, count, arena_count) || !edge_fits(output, count, arena_count) ||
        !edge_fits(p[EDGE_SOFTMAX_EXP_TABLE_AT], EDGE_SOFTMAX_TABLE_LENGTH, ints_count))
        return EDGE_E_RANGE;
    const int32_t table_at = p[EDGE_SOFTMAX_EXP_TABLE_AT];
    const int32_t *table = ints + table_at;
    for (int32_t r = 0; r < rows; r++)
    {
        const int8_t *x = arena + input + (int64_t)r * depth;
        int8_t *y = arena + output + (int64_t)r * depth;
        int32_t max = EDGE_INT8_MIN;
        for (int32_t i = 0; i < depth; i++)
        {
            if (x[i] > max) max = x[i];
        }
        uint32_t total = 0;
        for (int32_t i = 0; i < depth; i++) total += (uint32_t)table[max - x[i]];
        const int32_t sum = (int32_t)total;
        if (sum == 0) return EDGE_E_DIVIDE_BY_ZERO;
        for (int32_t i = 0; i < depth; i++)
        {
            /* The order of reads and writes is the managed one, so an in-place softmax agrees too.
             * max - x is 0..255 unless an output overlapping the input has raised x since the
             * maximum was taken: then the index is checked against the whole array, as C# does. */
            int32_t d = max - x[i];
            if ((uint32_t)d > 255u && (d < -table_at || d >= ints_count - table_at)) return EDGE_E_RANGE;
            int32_t e = table[d];
            int32_t numerator = edge_wrap_add(edge_wrap_mul(e, 256), sum / 2);
            int32_t q = edge_wrap_add(sum == -1 ? (int32_t)(0u - (uint32_t)numerator) : numerator / sum, EDGE_INT8_MIN);
            y[i] = (int8_t)edge_clamp(q, EDGE_INT8_MIN, EDGE_INT8_MAX);
        }
    }
    return EDGE_OK;
}
