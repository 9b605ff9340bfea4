using System.CommandLine;
using Edge.Common.Text;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil rigs`: check rig files and show what they define.</summary>
internal static class HilRigsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("rig-file") { Description = "Rig files (YAML) to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("rigs", """
            Check rig files completely (keys, board kinds and profiles, monitors and their current and supply ranges, triggers,
            budgets, that firmware images exist) and print their boards and measurement plan. Exit code 3 names the first problem.

            Examples:
              edge hil rigs hil-rigs/sim.yaml
              edge hil rigs hil-rigs/sim.yaml hil-rigs/sim-m0.yaml
            """)
        {
            files,
        };
        command.SetHandler((parse, io) =>
        {
            foreach (string file in parse.GetValue(files)!)
            {
                var rig = RigLoader.Load(file);
                var plan = rig.Measurement;
                io.Out.WriteLine($"{file}: rig '{rig.Name}'{(rig.Description.Length > 0 ? " - " + rig.Description : "")}");
                io.Out.WriteLine($"  measurement: {plan.Warmup} warm-up + {plan.Inferences} measured inferences at {plan.Rate}, {plan.AccuracyRows} accuracy rows, " +
                                 $"cell timeout {Duration.Format(plan.CellTimeout)}, {plan.Retries} retries");
                foreach (var board in rig.Boards)
                {
                    string what = board.Kind == BoardKind.Simulated ? $"simulated {board.Profile!.Name}" : $"Nucleo {board.Target} on {board.Link}";
                    string monitor = board.Monitor.Kind == MonitorKind.Simulated ? "simulated monitor" : $"{board.Monitor.Kind} on {board.Monitor.Port}";
                    var target = Edge.Hil.Cells.FitCheck.Target(board);
                    string budgets = target is null
                        ? $"staging {Bytes(board.Budgets.Staging)}, arena {Bytes(board.Budgets.Arena)}, no memory model for {board.Target}"
                        : FormattableString.Invariant($"staging {Bytes(board.Budgets.Staging ?? target.Preset().StagingCapacity)}, arena {Bytes(board.Budgets.Arena ?? target.Preset().ArenaBudget)}, managed heap {target.ManagedHeapBytes:N0} B ({target.AppHeapBytes:N0} B after nanoCLR; {Edge.Targets.Memory.BoardMemory.Check(target, null, null).RunningBytes:N0} B for the board app before any model or profile)");
                    io.Out.WriteLine($"  {board.Name}: {what}, {board.SupplyVolts:0.0##} V, {monitor} ({board.Monitor.Format}), {budgets}" +
                                     (board.Firmware.Count > 0 ? $", firmware {string.Join(", ", board.Firmware.Keys)}" : ""));
                }
                if (RigLoader.MissingFiles(rig) is { Count: > 0 } missing)
                    throw new RigException(file, missing[0] + (missing.Count > 1 ? $" (and {missing.Count - 1} more)" : ""));
            }
            return ExitCode.Ok;
        });
        return command;
    }

    private static string Bytes(int? value) => value is { } v ? $"{v} B" : "unchecked";
}
