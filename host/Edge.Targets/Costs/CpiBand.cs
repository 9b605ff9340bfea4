using System.Globalization;

namespace Edge.Targets.Costs;

/// <summary>
/// Cycles per instruction a core spends interpreting IL: a stated band (a cost model, not a
/// measurement: only a cycle counter on a board measures it), with its reasoning.
/// </summary>
public sealed record CpiBand(double Low, double High, string Source)
{
    /// <summary>
    /// STM32F746ZG at 216 MHz: 7 flash wait states, L1 caches on (ChibiOS __cpu_init); the 4 KB
    /// I-cache holds 99.9 % of the kernels' hot code; dual issue helps ALU pairs but one
    /// unpredictable indirect `ldr pc` per IL op (every ~45 instructions) and load-use chains
    /// limit it. Estimate from the measured instruction mix (loads 22.6 %, branches 22 %,
    /// load-to-PC 5.4 %); ST AN4667 reports 1,082 CoreMark at 216 MHz from flash with caches.
    /// </summary>
    public static readonly CpiBand CortexM7 = new(1.0, 1.5, "Cortex-M7 with L1 caches: estimated from the measured instruction mix");

    /// <summary>
    /// STM32F401RE at 84 MHz: 2 flash wait states, ART prefetch and 1 KB I-cache (holds ~90 % of
    /// the kernels' line fetches); Cortex-M4 timings (LDR 2, taken branch 1+1..3, `LDR pc` >= 5)
    /// over the measured instruction mix: 1.6-2.5.
    /// </summary>
    public static readonly CpiBand CortexM4 = new(1.6, 2.5, "Cortex-M4 TRM timings over the measured instruction mix, 2 flash wait states with ART");

    /// <summary>
    /// STM32F091RC at 48 MHz: Thumb-1 only (more instructions than the M4 counts), 1 wait state,
    /// no cache, IL inlining off in the firmware: a wide guess from the M4 counts, not measured.
    /// </summary>
    public static readonly CpiBand CortexM0 = new(2.5, 5.0, "guess: Cortex-M0 (Thumb-1, no cache), from the Cortex-M4 counts; not measured");

    /// <summary>
    /// Native kernels on the STM32F746ZG: compiled C whose inner loop is word loads, SXTB16 and
    /// SMLAD (firmware/Edge.Native). Dual issue pairs the ALU ops with loads at best (below 1);
    /// load-use stalls, the loop branch and I-cache misses against 7 flash wait states at worst;
    /// around the kernels the interpreter's Invoke and InternalCall (3,934 instructions, a third of
    /// a small model's count) run at the interpreter's 1.0-1.5. An estimate, not measured: for
    /// scale, CMSIS-NN publishes 3.4-4.6 cycles per MAC for kernels of a similar instruction count.
    /// </summary>
    public static readonly CpiBand CortexM7Native = new(0.8, 1.5, "Cortex-M7 running compiled C (dual issue, L1 caches), the interpreter's share at its own band: estimated");

    /// <summary>
    /// Native kernels on the STM32F401RE: single issue; LDR 2 cycles unless pipelined behind
    /// another, SMLAD and SXTB16 1, a taken branch 2-4; ART prefetch and 2 flash wait states; the
    /// interpreter's part at its 1.6-2.5. An estimate from the Cortex-M4 TRM timings, not measured.
    /// </summary>
    public static readonly CpiBand CortexM4Native = new(1.2, 2.5, "Cortex-M4 TRM timings over compiled C, the interpreter's share at its own band: estimated");

    public double Middle => (Low + High) / 2;

    /// <summary>"13-20 ms"-style text for a duration band in microseconds.</summary>
    public static string Format(double lowMicros, double highMicros)
    {
        var c = CultureInfo.InvariantCulture;
        if (highMicros >= 10_000) return string.Create(c, $"{lowMicros / 1000:0}-{highMicros / 1000:0} ms");
        if (highMicros >= 1_000) return string.Create(c, $"{lowMicros / 1000:0.0}-{highMicros / 1000:0.0} ms");
        return string.Create(c, $"{lowMicros:0}-{highMicros:0} us");
    }
}
