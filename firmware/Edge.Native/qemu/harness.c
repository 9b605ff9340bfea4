/*
 * The bare-metal test program: runs the native kernels on a Cortex-M4 or M7 under QEMU
 * (mps2-an386, mps2-an500) on cases a .NET test wrote, and writes back what they computed, for
 * the test to compare with the managed kernels; or counts the instructions each kernel takes.
 *
 * Command line (QEMU -append): "<cases file> <results file>" (semihosting puts the program's own
 * file name in front). Both files are sequences of
 * records: int32 tag, int32 payload bytes, payload; every value a little-endian int32, int8
 * arrays padded to 4 bytes. The writer is tests/Edge.TestSupport/Native/HarnessCases.cs.
 *
 *   GRAPH  (1)  weights count, ints count, int8 arena count, int32 arena count, op count,
 *               weights, ints, then per op: code, input 0, input 1, output, parameter count, parameters.
 *               Becomes the current graph.
 *   RUN    (2)  int8 arena, int32 arena: runs the current graph from that state in one call
 *               (edge_invoke_int8, which calls each op's entry point in turn).
 *               Result: status, index of the op that failed (-1), the two arena lengths, int8
 *               arena, int32 arena.
 *   COUNT  (3)  int8 arena, int32 arena: runs the graph once, then measures each op on the state it
 *               left. Result: instructions per tick (x1000), op count, per op: repetitions, ticks.
 *   DRIFT  (4)  layout count, layout, edges count, edges, decay shift, decay block, samples,
 *               then per sample: anomalous flag, one value per column. Result: status, window
 *               counts (int16 pairs), window tails low then high (int64), anomalous counts and
 *               tails, decayed counts.
 *   DRIFT_COUNT (5)  as DRIFT. Result: instructions per tick (x1000), samples, ticks for all
 *               samples, ticks for as many calls of an empty update.
 *
 * Instructions are counted with QEMU's -icount shift=0 (one instruction per virtual nanosecond):
 * the FPGA counter of the MPS2 image runs at 25 MHz of virtual time, so each of its ticks is a
 * fixed number of instructions, which the program measures itself on a loop of known length.
 */
#include <stdint.h>
#include <string.h>
#include "edge_native.h"
#include "semihosting.h"

#define TAG_GRAPH 1
#define TAG_RUN 2
#define TAG_COUNT 3
#define TAG_DRIFT 4
#define TAG_DRIFT_COUNT 5

#define EXIT_OK 0
#define EXIT_USAGE 91
#define EXIT_IO 92
#define EXIT_FORMAT 93
#define EXIT_MEMORY 94

/* MPS2 FPGA system control block: a free-running 32-bit counter at 25 MHz. */
#define FPGAIO_COUNTER (*(volatile uint32_t *)0x40028018u)

/* ---- memory: one pool, reset by each GRAPH or DRIFT record ---- */

#define POOL_BYTES (3u * 1024u * 1024u)
static uint32_t pool[POOL_BYTES / 4];
static uint32_t pool_used;     /* words */
static uint32_t pool_limit = POOL_BYTES / 4;   /* words below a GRAPH payload parked at the top */
static uint32_t graph_mark;    /* words in use by the current graph */

static void *take(uint32_t bytes)
{
    uint32_t words = (bytes + 7u) / 4u & ~1u;
    if (words > pool_limit - pool_used) semihost_exit(EXIT_MEMORY);
    void *p = &pool[pool_used];
    pool_used += words;
    return p;
}

/* ---- files ---- */

static int32_t in_file, out_file;

static void read_exact(void *buffer, uint32_t bytes)
{
    if (bytes > 0 && semihost_read(in_file, buffer, (int32_t)bytes) != 0) semihost_exit(EXIT_IO);
}

static void write_exact(const void *buffer, uint32_t bytes)
{
    if (bytes > 0 && semihost_write(out_file, buffer, (int32_t)bytes) != 0) semihost_exit(EXIT_IO);
}

static void write_int(int32_t v)
{
    write_exact(&v, 4);
}

static uint32_t padded(uint32_t bytes)
{
    return (bytes + 3u) & ~3u;
}

/* A record's payload, read whole into the pool after the graph's own data. */
static const int32_t *payload;
static uint32_t payload_words, payload_at;

static int32_t next(void)
{
    if (payload_at >= payload_words) semihost_exit(EXIT_FORMAT);
    return payload[payload_at++];
}

static const void *next_block(uint32_t bytes)
{
    uint32_t words = padded(bytes) / 4u;
    if (words > payload_words - payload_at) semihost_exit(EXIT_FORMAT);
    const void *p = &payload[payload_at];
    payload_at += words;
    return p;
}

static int32_t next_count(void)
{
    int32_t n = next();
    if (n < 0) semihost_exit(EXIT_FORMAT);
    return n;
}

/* ---- the current graph ---- */

/* One op as a graph of its own ([1, code, inputs, output, parameter count, parameters]), so
 * that counting an op runs it through the same entry (edge_invoke_int8) as a whole inference. */
typedef struct
{
    const int32_t *graph;
    int32_t count;
} op;

static int8_t *weights;
static int32_t *ints;
static int8_t *arena8;
static int32_t *arena32;
static int32_t weights_count, ints_count, arena8_count, arena32_count, op_count;
static op *ops;
static int32_t *graph;          /* the whole graph */
static int32_t graph_count;

static int32_t run_op(const op *o)
{
    return edge_invoke_int8(o->graph, o->count, weights, weights_count, ints, ints_count, arena8, arena8_count,
                            arena32, arena32_count, 0);
}

static void read_graph(void)
{
    weights_count = next_count();
    ints_count = next_count();
    arena8_count = next_count();
    arena32_count = next_count();
    op_count = next_count();
    /* The graph's own copies, so that the payload area can be reused by later records. */
    weights = take((uint32_t)weights_count);
    memcpy(weights, next_block((uint32_t)weights_count), (size_t)weights_count);
    ints = take((uint32_t)ints_count * 4u);
    memcpy(ints, next_block((uint32_t)ints_count * 4u), (size_t)ints_count * 4u);
    arena8 = take((uint32_t)arena8_count);
    arena32 = take((uint32_t)arena32_count * 4u);
    ops = take((uint32_t)op_count * sizeof(op));
    /* The op records are the graph encoding already: the whole graph is the count and the
     * records; each op's own graph is a count of 1 and its record. */
    const uint32_t ops_start = payload_at;
    for (int32_t i = 0; i < op_count; i++)
    {
        const uint32_t record = payload_at;
        next(); next(); next(); next();
        int32_t p_count = next_count();
        next_block((uint32_t)p_count * 4u);
        int32_t *own = take((payload_at - record + 1u) * 4u);
        own[0] = 1;
        memcpy(own + 1, payload + record, (size_t)(payload_at - record) * 4u);
        ops[i].graph = own;
        ops[i].count = (int32_t)(payload_at - record + 1u);
    }
    graph_count = 1 + (int32_t)(payload_at - ops_start);
    graph = take((uint32_t)graph_count * 4u);
    graph[0] = op_count;
    memcpy(graph + 1, payload + ops_start, (size_t)(graph_count - 1) * 4u);
    graph_mark = pool_used;
}

static void read_arenas(void)
{
    memcpy(arena8, next_block((uint32_t)arena8_count), (size_t)arena8_count);
    memcpy(arena32, next_block((uint32_t)arena32_count * 4u), (size_t)arena32_count * 4u);
}

static int32_t run_graph(int32_t *failed)
{
    return edge_invoke_int8(graph, graph_count, weights, weights_count, ints, ints_count, arena8, arena8_count,
                            arena32, arena32_count, failed);
}

static void write_arenas(void)
{
    write_exact(arena8, padded((uint32_t)arena8_count));
    write_exact(arena32, (uint32_t)arena32_count * 4u);
}

static void do_run(void)
{
    read_arenas();
    int32_t failed;
    int32_t status = run_graph(&failed);
    write_int(TAG_RUN);
    write_int((int32_t)(16u + padded((uint32_t)arena8_count) + (uint32_t)arena32_count * 4u));
    write_int(status);
    write_int(failed);
    write_int(arena8_count);
    write_int(arena32_count);
    write_arenas();
}

/* ---- counting ---- */

/* Exactly 1 + 2 * iterations instructions from the mov to the last bne (subs and bne per turn). */
__attribute__((noinline)) static void known_loop(uint32_t iterations)
{
    __asm__ volatile(
        "mov r3, %0\n"
        "1: subs r3, r3, #1\n"
        "bne 1b\n"
        :
        : "r"(iterations)
        : "r3", "cc");
}

/* Instructions per counter tick, x1000, from two loops whose lengths differ by a known amount. */
static int32_t instructions_per_tick_x1000(void)
{
    const uint32_t shorter = 100000u, longer = 1100000u;
    uint32_t t0 = FPGAIO_COUNTER;
    known_loop(shorter);
    uint32_t t1 = FPGAIO_COUNTER;
    known_loop(longer);
    uint32_t t2 = FPGAIO_COUNTER;
    uint32_t ticks = (t2 - t1) - (t1 - t0);
    uint64_t instructions = 2ull * (longer - shorter);
    return (int32_t)((instructions * 1000u + ticks / 2u) / ticks);
}

static uint32_t ticks_of(const op *o, uint32_t repetitions)
{
    uint32_t start = FPGAIO_COUNTER;
    for (uint32_t r = 0; r < repetitions; r++) run_op(o);
    return FPGAIO_COUNTER - start;
}

static void do_count(void)
{
    read_arenas();
    int32_t failed;
    int32_t status = run_graph(&failed);
    int32_t scale = instructions_per_tick_x1000();
    write_int(TAG_COUNT);
    write_int(12 + 8 * op_count + 8);
    write_int(status);
    write_int(scale);
    write_int(op_count);
    for (int32_t i = 0; i < op_count; i++)
    {
        /* Enough repetitions for a few hundred thousand instructions, so that the counter's
         * resolution is far below one instruction per call. */
        uint32_t once = ticks_of(&ops[i], 1) + 1u;
        uint32_t repetitions = 20000u / once;
        if (repetitions < 4u) repetitions = 4u;
        if (repetitions > 20000u) repetitions = 20000u;
        uint32_t ticks = ticks_of(&ops[i], repetitions);
        write_int((int32_t)repetitions);
        write_int((int32_t)ticks);
    }
    /* An op of code 0 (which edge_invoke_int8 skips, as the interpreter skips unknown codes)
     * costs the harness loop and the graph walk: subtracted from every op's count. */
    static const int32_t nothing[] = { 1, 0, 0, 0, 0, 0 };
    const op empty = { nothing, 6 };
    uint32_t empty_repetitions = 20000u;
    write_int((int32_t)empty_repetitions);
    write_int((int32_t)ticks_of(&empty, empty_repetitions));
}

/* ---- drift ---- */

typedef struct
{
    int32_t *layout;
    const int32_t *edges;
    int32_t layout_count, edges_count, columns, cells;
    int32_t shift, block, since_decay;
    uint16_t *window, *anomalous, *decayed;
    int64_t *window_low, *window_high, *anomalous_low, *anomalous_high;
} drift_state;

static int32_t drift_sample(drift_state *d, const int32_t *row, int32_t anomalous)
{
    int32_t status = edge_drift_observe(d->layout, d->layout_count, d->edges, d->edges_count, row, d->columns, 0,
                                        d->window, d->cells, d->window_low, d->columns, d->window_high, d->columns,
                                        anomalous, d->anomalous, d->cells, d->anomalous_low, d->columns,
                                        d->anomalous_high, d->columns, d->decayed, d->cells);
    if (status != EDGE_OK) return status;
    /* DecayedSketch.EndSample: the decay runs on every block's last sample. */
    if (++d->since_decay < d->block) return EDGE_OK;
    d->since_decay = 0;
    return edge_drift_decay(d->decayed, d->cells, d->shift);
}

static int32_t drift_nothing(drift_state *d, const int32_t *row, int32_t anomalous)
{
    (void)d;
    (void)row;
    return anomalous;
}

static void read_drift(drift_state *d)
{
    d->layout_count = next_count();
    /* The case buffer is RAM: edge_drift_observe writes the row's missing count into the layout. */
    d->layout = (int32_t *)next_block((uint32_t)d->layout_count * 4u);
    d->edges_count = next_count();
    d->edges = next_block((uint32_t)d->edges_count * 4u);
    d->shift = next();
    d->block = next();
    d->since_decay = 0;
    if (d->layout_count < EDGE_DRIFT_LAYOUT_HEADER) semihost_exit(EXIT_FORMAT);
    d->columns = d->layout[0];
    d->cells = d->layout[1];
    d->window = take((uint32_t)d->cells * 2u);
    d->anomalous = take((uint32_t)d->cells * 2u);
    d->decayed = take((uint32_t)d->cells * 2u);
    d->window_low = take((uint32_t)d->columns * 8u);
    d->window_high = take((uint32_t)d->columns * 8u);
    d->anomalous_low = take((uint32_t)d->columns * 8u);
    d->anomalous_high = take((uint32_t)d->columns * 8u);
    memset(d->window, 0, (size_t)d->cells * 2u);
    memset(d->anomalous, 0, (size_t)d->cells * 2u);
    memset(d->decayed, 0, (size_t)d->cells * 2u);
    memset(d->window_low, 0, (size_t)d->columns * 8u);
    memset(d->window_high, 0, (size_t)d->columns * 8u);
    memset(d->anomalous_low, 0, (size_t)d->columns * 8u);
    memset(d->anomalous_high, 0, (size_t)d->columns * 8u);
}

static void do_drift(void)
{
    drift_state d;
    read_drift(&d);
    int32_t status = edge_drift_layout_check(d.layout, d.layout_count, d.cells, d.edges_count);
    int32_t samples = next_count();
    for (int32_t s = 0; s < samples && status == EDGE_OK; s++)
    {
        int32_t anomalous = next();
        status = drift_sample(&d, next_block((uint32_t)d.columns * 4u), anomalous);
    }
    uint32_t counts = padded((uint32_t)d.cells * 2u);
    write_int(TAG_DRIFT);
    write_int((int32_t)(12u + 3u * counts + 4u * (uint32_t)d.columns * 8u));
    write_int(status);
    write_int(d.cells);
    write_int(d.columns);
    write_exact(d.window, counts);
    write_exact(d.window_low, (uint32_t)d.columns * 8u);
    write_exact(d.window_high, (uint32_t)d.columns * 8u);
    write_exact(d.anomalous, counts);
    write_exact(d.anomalous_low, (uint32_t)d.columns * 8u);
    write_exact(d.anomalous_high, (uint32_t)d.columns * 8u);
    write_exact(d.decayed, counts);
}

static void do_drift_count(void)
{
    drift_state d;
    read_drift(&d);
    int32_t samples = next_count();
    const int32_t *first = &payload[payload_at];
    uint32_t stride = 1u + (uint32_t)d.columns;
    if ((uint32_t)samples * stride > payload_words - payload_at) semihost_exit(EXIT_FORMAT);
    int32_t scale = instructions_per_tick_x1000();
    uint32_t start = FPGAIO_COUNTER;
    for (int32_t s = 0; s < samples; s++) drift_sample(&d, first + s * stride + 1, first[s * stride]);
    uint32_t ticks = FPGAIO_COUNTER - start;
    start = FPGAIO_COUNTER;
    for (int32_t s = 0; s < samples; s++) drift_nothing(&d, first + s * stride + 1, first[s * stride]);
    uint32_t empty = FPGAIO_COUNTER - start;
    write_int(TAG_DRIFT_COUNT);
    write_int(16);
    write_int(scale);
    write_int(samples);
    write_int((int32_t)ticks);
    write_int((int32_t)empty);
}

/* ---- main ---- */

static char command_line[512];

int main(void)
{
    /* QEMU's command line is the program's own file name, then what -append gave. */
    if (semihost_command_line(command_line, sizeof command_line) != 0) return EXIT_USAGE;
    char *cases = strchr(command_line, ' ');
    if (cases == NULL) return EXIT_USAGE;
    *cases++ = '\0';
    char *results = strchr(cases, ' ');
    if (results == NULL) return EXIT_USAGE;
    *results++ = '\0';
    in_file = semihost_open(cases, 1);
    out_file = semihost_open(results, 5);
    if (in_file < 0 || out_file < 0) return EXIT_IO;
    int32_t header[2];
    /* SYS_READ answers with the bytes it could not read: all of them at the end of the file. */
    while (semihost_read(in_file, header, 8) == 0)
    {
        int32_t tag = header[0];
        uint32_t bytes = (uint32_t)header[1];
        if ((bytes & 3u) != 0) return EXIT_FORMAT;
        /* A GRAPH record replaces everything and parks its payload at the top of the pool while
         * its own copies are made from the bottom; DRIFT records replace everything; RUN and
         * COUNT records live above the current graph. */
        int starts_over = tag == TAG_GRAPH || tag == TAG_DRIFT || tag == TAG_DRIFT_COUNT;
        pool_used = starts_over ? 0 : graph_mark;
        pool_limit = POOL_BYTES / 4;
        if (tag == TAG_DRIFT || tag == TAG_DRIFT_COUNT) graph_mark = 0;
        if (tag == TAG_GRAPH)
        {
            if (bytes / 4u > POOL_BYTES / 4) return EXIT_MEMORY;
            pool_limit = POOL_BYTES / 4 - bytes / 4u;
            payload = (const int32_t *)&pool[pool_limit];
        }
        else payload = take(bytes);
        payload_words = bytes / 4u;
        payload_at = 0;
        read_exact((void *)payload, bytes);
        switch (tag)
        {
        case TAG_GRAPH:
            read_graph();
            pool_limit = POOL_BYTES / 4;
            break;
        case TAG_RUN: do_run(); break;
        case TAG_COUNT: do_count(); break;
        case TAG_DRIFT: do_drift(); break;
        case TAG_DRIFT_COUNT: do_drift_count(); break;
        default: return EXIT_FORMAT;
        }
    }
    semihost_close(in_file);
    semihost_close(out_file);
    return EXIT_OK;
}
