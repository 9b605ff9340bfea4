/*
 * 1-D average pooling over [channels][length]: the native override of AveragePool1DInt8.Eval.
 * The sum of the window's real elements is divided by their count (or by the kernel size with
 * count-include-pad), rounding half away from zero as the managed kernel does with C#'s
 * truncating division; a window without elements is a division by zero there and an error here.
 */
#include "pool1d_window.h"

int32_t edge_average_pool1d_int8(const int32_t *p, int32_t p_count,
                                 int8_t *arena, int32_t arena_count,
                                 int32_t input, int32_t output)
{
    if (p_count < EDGE_AVGPOOL_PARAMETERS) return EDGE_E_RANGE;
    pool_geometry g;
    int active;
    int32_t status = pool_check(p, arena, arena_count, input, output, &g, &active);
    if (status != EDGE_OK || !active) return status;
    const int include_pad = p[EDGE_AVGPOOL_COUNT_INCLUDE_PAD] != 0;
    const int32_t min = p[EDGE_AVGPOOL_ACTIVATION_MIN];
    const int32_t max = p[EDGE_AVGPOOL_ACTIVATION_MAX];
    for (int32_t ch = 0; ch < g.channels; ch++)
    {
        const int8_t *x = arena + input + (int64_t)ch * g.in_length;
        int8_t *y = arena + output + (int64_t)ch * g.out_length;
        for (int32_t t = 0; t < g.out_length; t++)
        {
            int32_t from, to;
            pool_window(&g, t, &from, &to);
            uint32_t total = 0;
            for (int32_t i = from; i < to; i++) total = total + (uint32_t)(int32_t)x[i];
            int32_t sum = (int32_t)total;
            int32_t count = include_pad ? g.kernel : to - from;
            if (count == 0) return EDGE_E_DIVIDE_BY_ZERO;
            int32_t half = count / 2;
            int32_t average;
            /* INT32_MIN / -1 traps on some cores and wraps in C#: kept apart. */
            int32_t rounded = sum > 0 ? edge_wrap_add(sum, half) : edge_wrap_add(sum, -half);
            if (count == -1) average = (int32_t)(0u - (uint32_t)rounded);
            else average = rounded / count;
            y[t] = (int8_t)edge_clamp(average, min, max);
        }
    }
    return EDGE_OK;
}
