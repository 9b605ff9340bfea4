namespace Edge.Targets.Costs;

/// <summary>
/// Cortex-M instructions nanoCLR executes per unit of the device code's work, counted exactly,
/// and where each count comes from. Instructions, not cycles: a board turns them into time
/// through its CPI band (<see cref="CpiBand"/>).
/// </summary>
/// <param name="PerMac">Per int8 multiply-accumulate, whole inference of a dense model.</param>
/// <param name="PerSplit">Per tree node visited (a float32-key comparison and a branch).</param>
/// <param name="PerElement">Per output element of an element-wise op (lookup table, add, clamp, pooling).</param>
/// <param name="PerOperation">Fixed cost per operation of a model (the interpreter's dispatch and the kernel's set-up).</param>
/// <param name="PerDriftSampleFeature">DriftMonitor.Observe, per sample and per profile column.</param>
public sealed record InterpreterCost(double PerMac, double PerSplit, double PerElement, double PerOperation, double PerDriftSampleFeature, string Source)
{
    /// <summary>
    /// Counted under QEMU 7.2 (-icount with a TCG plugin counting every executed guest
    /// instruction) on nanoCLR built from nf-interpreter main a3e8139a1 with the ChibiOS STM32
    /// firmware's compiler flags (arm-none-eabi-gcc 12.2, -Os -flto, Cortex-M7 build; the M4 build
    /// agrees to 0.02 %), running this repository's device code with the rewritten kernels
    /// (2026-12-04): a 64x32 FullyConnected layer 746.1 instructions per MAC (16.76 IL ops per MAC);
    /// flux_mlp's Invoke 2,018,374 instructions for 2,576 MACs in 4 operations, i.e. the per-MAC
    /// figure plus 24,105 per operation (dispatch, requantisation, activation); flux_cnn1d 1,027.3 per
    /// MAC (22.8 IL ops per MAC: convolutions cost about 38 % more per MAC than this model
    /// assumes); DriftMonitor.Observe 12,036 per sample and column (65-column motor-flux profile).
    /// Per split and per element are NOT measured (no tree model embeds in one assembly and no
    /// element-wise op was isolated): estimates of 40 and 30 IL ops at the kernels' 45.6
    /// instructions per IL op.
    /// </summary>
    public static readonly InterpreterCost NanoClr = new(
        PerMac: 746.1,
        PerSplit: 40 * 45.6,
        PerElement: 30 * 45.6,
        PerOperation: 24_105,
        PerDriftSampleFeature: 12_036,
        Source: "instructions counted under QEMU -icount on nanoCLR (nf-interpreter a3e8139a1, firmware compiler flags, Cortex-M7), Edge device code of 2026-12-04; per split and per element estimated");

    /// <summary>Instructions for one inference of this much work.</summary>
    public double Instructions(long operations, long macs, long splits, long elements) =>
        operations * PerOperation + macs * PerMac + splits * PerSplit + elements * PerElement;
}
