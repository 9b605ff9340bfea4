/*
 * The drift monitor's per-sample work for every column (DriftMonitor.Observe with
 * SlotIndex.Of, WindowSketch.Add and DecayedSketch.Add), and the decayed histogram's periodic
 * decay (DecayedSketch.EndSample).
 *
 * The layout (see edge_native.h) is checked once when the monitor is built
 * (edge_drift_layout_check); each sample then only checks that the arrays are still the sizes
 * the layout was checked against, and the row range.
 */
#include "edge_internal.h"

#define LAYOUT_COLUMNS 0
#define LAYOUT_CELLS 1
#define LAYOUT_EDGES 2

int32_t edge_drift_layout_check(const int32_t *layout, int32_t layout_count,
                                int32_t cells_count, int32_t edges_count)
{
    if (layout_count < EDGE_DRIFT_LAYOUT_HEADER) return EDGE_E_ARGUMENT;
    const int32_t columns = layout[LAYOUT_COLUMNS];
    if (columns < 0 || (int64_t)EDGE_DRIFT_LAYOUT_HEADER + (int64_t)EDGE_DRIFT_LAYOUT_PER_COLUMN * columns > layout_count)
        return EDGE_E_ARGUMENT;
    if (layout[LAYOUT_CELLS] != cells_count || layout[LAYOUT_EDGES] != edges_count) return EDGE_E_RANGE;
    for (int32_t c = 0; c < columns; c++)
    {
        const int32_t *column = layout + EDGE_DRIFT_LAYOUT_HEADER + EDGE_DRIFT_LAYOUT_PER_COLUMN * c;
        const int32_t first = column[0], slots = column[1], first_edge = column[2];
        if (slots < 1 || !edge_fits(first, slots, cells_count)) return EDGE_E_RANGE;
        if (first_edge != -1 && !edge_fits(first_edge, slots - 1, edges_count)) return EDGE_E_RANGE;
        /* A binned column's first and last slot hold its tails: it needs at least one edge. */
        if (first_edge != -1 && slots < 2) return EDGE_E_RANGE;
    }
    return EDGE_OK;
}

/* C#'s long += (wraps; C's int64_t would not be allowed to). */
static inline void add_wrap64(int64_t *sum, int64_t v)
{
    *sum = (int64_t)((uint64_t)*sum + (uint64_t)v);
}

/* The slot of value among edges[0..n): the first i with value <= edges[i] (n when none):
 * slot i holds (edges[i-1], edges[i]]. The same binary search as SlotIndex.Of. */
static inline int32_t binned_slot(const int32_t *edges, int32_t n, int32_t value)
{
    int32_t lo = 0, hi = n;
    while (lo < hi)
    {
        int32_t mid = (lo + hi) >> 1;
        if (edges[mid] < value) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int32_t edge_drift_observe(int32_t *layout, int32_t layout_count,
                           const int32_t *edges, int32_t edges_count,
                           const int32_t *row, int32_t row_count, int32_t offset,
                           uint16_t *window, int32_t window_count,
                           int64_t *window_tail_low, int32_t window_tail_low_count,
                           int64_t *window_tail_high, int32_t window_tail_high_count,
                           int32_t anomalous,
                           uint16_t *anomalous_counts, int32_t anomalous_count,
                           int64_t *anomalous_tail_low, int32_t anomalous_tail_low_count,
                           int64_t *anomalous_tail_high, int32_t anomalous_tail_high_count,
                           uint16_t *decayed, int32_t decayed_count)
{
    if (layout_count < EDGE_DRIFT_LAYOUT_HEADER) return EDGE_E_ARGUMENT;
    const int32_t columns = layout[LAYOUT_COLUMNS];
    const int32_t cells = layout[LAYOUT_CELLS];
    if (columns < 0 || (int64_t)EDGE_DRIFT_LAYOUT_HEADER + (int64_t)EDGE_DRIFT_LAYOUT_PER_COLUMN * columns > layout_count ||
        layout[LAYOUT_EDGES] != edges_count)
        return EDGE_E_ARGUMENT;
    if (!edge_fits(offset, columns, row_count) || window_count != cells || anomalous_count != cells || decayed_count != cells ||
        window_tail_low_count < columns || window_tail_high_count < columns ||
        anomalous_tail_low_count < columns || anomalous_tail_high_count < columns)
        return EDGE_E_RANGE;

    const int32_t *column = layout + EDGE_DRIFT_LAYOUT_HEADER;
    const int32_t *value = row + offset;
    int32_t missing = 0;
    for (int32_t c = 0; c < columns; c++, column += EDGE_DRIFT_LAYOUT_PER_COLUMN)
    {
        const int32_t first = column[0], slots = column[1], first_edge = column[2];
        const int32_t x = value[c];
        if (x == EDGE_DRIFT_MISSING)
        {
            missing++;
            continue;
        }
        if (first_edge < 0)
        {
            /* Categorical: the category index, the last slot for anything unseen. */
            const int32_t categories = slots - 1;
            const int32_t slot = x >= 0 && x < categories ? x : categories;
            window[first + slot]++;
            if (anomalous) anomalous_counts[first + slot]++;
            decayed[first + slot] += 16;
            continue;
        }
        const int32_t *e = edges + first_edge;
        const int32_t inner = slots - 1;
        const int32_t slot = binned_slot(e, inner, x);
        window[first + slot]++;
        decayed[first + slot] += 16;
        if (slot == 0)
        {
            const int64_t below = (int64_t)e[0] - x;
            add_wrap64(&window_tail_low[c], below);
            if (anomalous) add_wrap64(&anomalous_tail_low[c], below);
        }
        else if (slot == inner)
        {
            const int64_t above = (int64_t)x - e[inner - 1];
            add_wrap64(&window_tail_high[c], above);
            if (anomalous) add_wrap64(&anomalous_tail_high[c], above);
        }
        if (anomalous) anomalous_counts[first + slot]++;
    }
    layout[EDGE_DRIFT_LAYOUT_MISSING] = missing;
    return EDGE_OK;
}

int32_t edge_drift_decay(uint16_t *decayed, int32_t decayed_count, int32_t shift)
{
    if (decayed_count < 0) return EDGE_E_RANGE;
    const int32_t s = shift & 31;
    const int32_t half = edge_shift_left(1, shift - 1);
    for (int32_t i = 0; i < decayed_count; i++)
    {
        int32_t v = decayed[i];
        decayed[i] = (uint16_t)(v - (edge_wrap_add(v, half) >> s));
    }
    return EDGE_OK;
}
