using System.CommandLine;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil`: the hardware-in-the-loop bench harness.</summary>
public static class HilCommand
{
    public static Command Create()
    {
        var command = new Command("hil", """
            Measure a matrix of models x boards x firmware revisions on a hardware-in-the-loop bench, unattended
            (energy per inference through the power monitor, latency, accuracy against ONNX Runtime, memory).
            Restartable and shardable, with results in Parquet/JSON and an offline HTML report.

            Examples:
              edge hil rigs hil-rigs/sim.yaml
              edge hil run --rig hil-rigs/sim.yaml --models samples/motor-flux -d samples/motor-flux/test_164V.features.csv -d samples/motor-flux/test_164V.windows.csv --out runs/sim
              edge hil report runs/sim
              edge hil query "select model, board, avg(energy_uj) from results group by all" --runs runs/
              edge hil compare runs/fw-1.2.0 runs/fw-1.3.0
            """);
        command.Add(HilRunCommand.Create());
        command.Add(HilReportCommand.Create());
        command.Add(HilRigsCommand.Create());
        command.Add(HilQueryCommand.Create());
        command.Add(HilCompareCommand.Create());
        command.Add(HilSubmitCommand.Create());
        command.Add(HilWorkerCommand.Create());
        command.Add(HilStatusCommand.Create());
        return command;
    }
}
