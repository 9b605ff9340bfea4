using System.Globalization;
using Edge.Hil.Benchmarks;

// Two benchmarks of the harness on the simulated rig (figures in host/Edge.Hil/README.md):
//   overhead [repeats]   the harness's own cost per cell, phase by phase (default 7 cells per model)
//   positions [cells]    a run's wall time with 1, 2 and 4 boards, each behind a monitor of its own
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string mode = args.Length > 0 ? args[0] : "overhead";
int? count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
switch (mode)
{
    case "overhead":
        await CellOverhead.RunAsync(count ?? 7);
        break;
    case "positions":
        await ParallelPositions.RunAsync(count ?? 4);
        break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}'; run overhead or positions");
        return 2;
}
return 0;
