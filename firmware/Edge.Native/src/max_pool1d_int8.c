/*
 * 1-D max pooling over [channels][length]: the native override of MaxPool1DInt8.Eval. Padding
 * never wins; the maximum starts at -128 and is clamped to the activation range.
 */
#include "pool1d_window.h"

int32_t edge_max_pool1d_int8(const int32_t *p, int32_t p_count,
                             int8_t *arena, int32_t arena_count,
                             int32_t input, int32_t output)
{
    if (p_count < EDGE_MAXPOOL_PARAMETERS) return EDGE_E_RANGE;
    pool_geometry g;
    int active;
    int32_t status = pool_check(p, arena, arena_count, input, output, &g, &active);
    if (status != EDGE_OK || !active) return status;
    const int32_t min = p[EDGE_MAXPOOL_ACTIVATION_MIN];
    const int32_t max = p[EDGE_MAXPOOL_ACTIVATION_MAX];
    for (int32_t ch = 0; ch < g.channels; ch++)
    {
        const int8_t *x = arena + input + (int64_t)ch * g.in_length;
        int8_t *y = arena + output + (int64_t)ch * g.out_length;
        for (int32_t t = 0; t < g.out_length; t++)
        {
            int32_t from, to;
            pool_window(&g, t, &from, &to);
            int32_t best = EDGE_INT8_MIN;
            for (int32_t i = from; i < to; i++)
            {
                if (x[i] > best) best = x[i];
            }
            y[t] = (int8_t)edge_clamp(best, min, max);
        }
    }
    return EDGE_OK;
}
