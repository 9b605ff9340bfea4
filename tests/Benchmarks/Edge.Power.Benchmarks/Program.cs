using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Edge.Power.Benchmarks;

// Short jobs: the machine is shared; the spread BenchmarkDotNet prints says whether that was enough.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(8));
var summaries = BenchmarkSwitcher.FromTypes([typeof(DecoderBenchmarks), typeof(EndToEndBenchmarks)]).Run(args, config);

const double MonitorRate = 100_000;
Console.WriteLine();
Console.WriteLine("Samples per second (each operation is one sample) against the monitor's 100 kHz:");
foreach (Summary summary in summaries)
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } statistics) continue;
        double perSecond = 1e9 / statistics.Mean;
        Console.WriteLine($"  {report.BenchmarkCase.DisplayInfo,-60} {perSecond / 1e6,8:0.00} M samples/s  = {perSecond / MonitorRate,7:0}x 100 kHz");
    }
