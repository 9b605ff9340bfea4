/*
 * The window geometry the two 2-D pooling kernels share (Pool2DGeometry, MaxPool2DInt8,
 * AveragePool2DInt8): output (y, x) covers rows [y*sh - pt, +kh) and columns [x*sw - pl, +kw),
 * clipped to the plane. Checked once per call so that no window arithmetic wraps and every
 * element read or written lies inside the arena.
 */
#ifndef POOL2D_WINDOW_H
#define POOL2D_WINDOW_H

#include "edge_internal.h"

typedef struct
{
    int32_t channels, in_height, in_width, out_height, out_width;
    int32_t kernel_height, kernel_width, stride_height, stride_width, pad_top, pad_left;
} pool2d_geometry;

/* One axis's first and last window fit int32. */
static inline int pool2d_axis_fits(int32_t out_length, int32_t stride, int32_t pad, int32_t kernel)
{
    const int64_t first = -(int64_t)pad;
    const int64_t last = (int64_t)(out_length - 1) * stride - pad;
    return first >= INT32_MIN && last >= INT32_MIN && last <= INT32_MAX &&
           first + kernel <= INT32_MAX && last + kernel <= INT32_MAX && first + kernel >= INT32_MIN;
}

/* EDGE_OK, or why the call cannot run; *active is 0 when the kernel has nothing to do. */
static inline int32_t pool2d_check(const int32_t *p, int32_t arena_count, int32_t input, int32_t output,
                                   pool2d_geometry *g, int *active)
{
    g->channels = p[EDGE_POOL2D_CHANNELS];
    g->in_height = p[EDGE_POOL2D_IN_HEIGHT];
    g->in_width = p[EDGE_POOL2D_IN_WIDTH];
    g->out_height = p[EDGE_POOL2D_OUT_HEIGHT];
    g->out_width = p[EDGE_POOL2D_OUT_WIDTH];
    g->kernel_height = p[EDGE_POOL2D_KERNEL_HEIGHT];
    g->kernel_width = p[EDGE_POOL2D_KERNEL_WIDTH];
    g->stride_height = p[EDGE_POOL2D_STRIDE_HEIGHT];
    g->stride_width = p[EDGE_POOL2D_STRIDE_WIDTH];
    g->pad_top = p[EDGE_POOL2D_PAD_TOP];
    g->pad_left = p[EDGE_POOL2D_PAD_LEFT];
    *active = g->channels > 0 && g->out_height > 0 && g->out_width > 0;
    if (!*active) return EDGE_OK;
    if (g->in_height < 0 || g->in_width < 0) return EDGE_E_ARGUMENT;
    if (!pool2d_axis_fits(g->out_height, g->stride_height, g->pad_top, g->kernel_height) ||
        !pool2d_axis_fits(g->out_width, g->stride_width, g->pad_left, g->kernel_width))
        return EDGE_E_ARGUMENT;
    const int64_t in_count = (int64_t)g->channels * g->in_height * g->in_width;
    if (!edge_fits(input, in_count, arena_count) ||
        !edge_fits(output, (int64_t)g->channels * g->out_height * g->out_width, arena_count))
        return EDGE_E_RANGE;
    return EDGE_OK;
}

/* [*from, *to) of an axis of length n for window index t, clipped as the managed kernels clip. */
static inline void pool2d_span(int32_t t, int32_t stride, int32_t pad, int32_t kernel, int32_t n, int32_t *from, int32_t *to)
{
    const int32_t start = t * stride - pad;
    *from = start < 0 ? 0 : start;
    *to = start + kernel > n ? n : start + kernel;
}

#endif /* POOL2D_WINDOW_H */
