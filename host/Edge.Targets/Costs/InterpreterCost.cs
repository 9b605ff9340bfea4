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
/// <param name="PerInference">Fixed cost per inference (with native kernels: the interpreter's Invoke around the one InternalCall).</param>
public sealed record InterpreterCost(double PerMac, double PerSplit, double PerElement, double PerOperation, double PerDriftSampleFeature, string Source, double PerInference = 0)
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

    /// <summary>
    /// nanoCLR running the device code with the native kernel library (firmware/Edge.Native) built
    /// into the firmware: one InternalCall per inference. Counted under QEMU 7.2 with
    /// `-icount shift=0` (firmware/Edge.Native/README.md; Debian arm-none-eabi-gcc 12.2, -O2,
    /// Cortex-M7, the DSP path; the M4 within 1 %): FullyConnected 64->32 2.59 instructions per
    /// MAC (the per-MAC figure); per element 10, an estimate over the isolated kernels (Clamp 8.2,
    /// lookup table 5.2, pools 12-15 per input); flux_mlp's C kernels 7,552 instructions for 2,576
    /// MACs and 50 elements in 4 operations, so 95 per operation (requantisation set-up, per-call
    /// checks); flux_iforest's 14,651 for 320 splits visited in 2 operations: 45.1 per split. On
    /// the bare-metal nanoCLR image (out of tree) one whole flux_mlp inference is 11,486
    /// instructions: 3,934 per inference for Interpreter.Invoke's IL, the virtual call and the
    /// InternalCall's marshalling. Checks against counts not used to fit: flux_cnn1d on nanoCLR
    /// 307,928 measured, 313,549 by this model (+1.8 %); flux_autoencoder's C kernels 10,076
    /// measured, 7,387 by this model without the per-inference part (-27 %: 16- and 8-deep layers,
    /// where each output's requantisation weighs). Since op codes 12-22 have C kernels too
    /// (2026-12-05), the zoo models that use them check this model as well, and it reads them
    /// about half as dear as they are (C kernels only, Cortex-M7): cnn2d 606,297 measured,
    /// 305,390 by this model (-50 %), cnn1d_dw 1,017,208 / 469,871 (-54 %), gru 577,970 /
    /// 322,037 (-44 %), lstm 555,024 / 281,195 (-49 %): depthwise and small-kernel convolutions,
    /// the recurrent cells' per-unit work and the 2-D pools cost 4.6-13 instructions per MAC, not
    /// 2.59 (per-layer figures in firmware/Edge.Native/README.md). Drift: 256.6 per sample and column on the
    /// nanoCLR image (86.8 of them the C update, the rest the monitor's managed bookkeeping and the
    /// marshalling).
    /// </summary>
    public static readonly InterpreterCost NativeKernels = new(
        PerMac: 2.59,
        PerSplit: 45.1,
        PerElement: 10,
        PerOperation: 95,
        PerDriftSampleFeature: 256.6,
        Source: "instructions counted under QEMU -icount: native C kernels (gcc 12.2 -O2, Cortex-M7 DSP path) and the nanoCLR image calling them; per element estimated",
        PerInference: 3_934);

    /// <summary>Instructions for one inference of this much work.</summary>
    public double Instructions(long operations, long macs, long splits, long elements) =>
        PerInference + operations * PerOperation + macs * PerMac + splits * PerSplit + elements * PerElement;

    /// <summary>Instructions for one inference of this much work.</summary>
    public double Instructions(ModelWork work) => Instructions(work.Operations, work.Macs, work.Splits, work.Elements);
}
