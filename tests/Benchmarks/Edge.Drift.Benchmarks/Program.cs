using BenchmarkDotNet.Running;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Benchmarks;
using Edge.Drift.Profiles;
using Edge.TestSupport;

// State figures first (not timings): what one feature costs in RAM on the board.
var train = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
var profile = ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"] });
Console.WriteLine($"motor-flux profile (64 numeric + 1 categorical): drift monitor {Edge.Targets.Memory.BoardMemory.Profile(profile):N0} B on nanoCLR's heap");
BenchmarkSwitcher.FromAssembly(typeof(DriftBenchmarks).Assembly).Run(args);
