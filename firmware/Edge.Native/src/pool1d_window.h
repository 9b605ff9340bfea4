/*
 * The window geometry the two pooling kernels share (PoolGeometry, MaxPool1DInt8,
 * AveragePool1DInt8): output t covers input [t*stride - pad, t*stride - pad + kernel) clipped to
 * [0, in_length). Checked once per call so that no window arithmetic wraps and every element
 * read or written lies inside the arena.
 */
#ifndef POOL1D_WINDOW_H
#define POOL1D_WINDOW_H

#include "edge_internal.h"

typedef struct
{
    int32_t channels;
    int32_t in_length;
    int32_t out_length;
    int32_t kernel;
    int32_t stride;
    int32_t pad;
} pool_geometry;

/* EDGE_OK, or why the call cannot run; *active is 0 when the kernel has nothing to do. */
static inline int32_t pool_check(const int32_t *p, int8_t *arena, int32_t arena_count, int32_t input, int32_t output,
                                 pool_geometry *g, int *active)
{
    (void)arena;
    g->channels = p[EDGE_POOL_CHANNELS];
    g->in_length = p[EDGE_POOL_IN_LENGTH];
    g->out_length = p[EDGE_POOL_OUT_LENGTH];
    g->kernel = p[EDGE_POOL_KERNEL];
    g->stride = p[EDGE_POOL_STRIDE];
    g->pad = p[EDGE_POOL_PAD_BEGIN];
    *active = g->channels > 0 && g->out_length > 0;
    if (!*active) return EDGE_OK;
    const int64_t first = -(int64_t)g->pad;
    const int64_t last = (int64_t)(g->out_length - 1) * g->stride - g->pad;
    if (first < INT32_MIN || last < INT32_MIN || last > INT32_MAX ||
        first + g->kernel > INT32_MAX || last + g->kernel > INT32_MAX ||
        first + g->kernel < INT32_MIN || last + g->kernel < INT32_MIN)
        return EDGE_E_ARGUMENT;
    const int64_t in_count = g->in_length > 0 ? (int64_t)g->channels * g->in_length : 0;
    if (!edge_fits(input, in_count, arena_count) ||
        !edge_fits(output, (int64_t)g->channels * g->out_length, arena_count))
        return EDGE_E_RANGE;
    return EDGE_OK;
}

/* Output t's window, clipped: [*from, *to) of the channel's input. */
static inline void pool_window(const pool_geometry *g, int32_t t, int32_t *from, int32_t *to)
{
    int32_t start = t * g->stride - g->pad;
    *from = start < 0 ? 0 : start;
    *to = start + g->kernel > g->in_length ? g->in_length : start + g->kernel;
}

#endif /* POOL1D_WINDOW_H */
