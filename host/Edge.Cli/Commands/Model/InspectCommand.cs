using System.CommandLine;
using Edge.Models.Reports;

namespace Edge.Cli.Commands.Model;

/// <summary>`edge model inspect`: what an .edgem file holds.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model.edgem") { Description = "The model file to show." };
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var board = new Option<string?>("--board") { Description = "Estimate for this board only (nucleo-f746zg, nucleo-f401re, nucleo-f091rc or its nanoFramework target); default: every known board." };
        var command = new Command("inspect", """
            Show an .edgem file: version, model id and checksum, sections, metadata, the graph's
            operations with their kernel parameters, and every tensor's shape, quantisation
            (scale, zero point) and arena place. Per board: whether it fits the managed heap, and
            the inference time with the firmware's managed kernels and with the native kernel
            library, each from instruction counts measured under QEMU and a stated CPI band
            (estimates: no board has been timed).

            Examples:
              edge model inspect flux_mlp.edgem
              edge model inspect flux_mlp.edgem --board nucleo-f746zg
              edge model inspect flux_mlp.edgem --json
            """)
        {
            model,
            json,
            board,
        };
        command.SetHandler((result, io) =>
        {
            var inspection = ModelInspection.Inspect(result.GetValue(model)!, result.GetValue(board));
            if (result.GetValue(json)) io.Out.WriteLine(inspection.ToJson());
            else inspection.WriteText(io.Out);
            // Shown above; a board would refuse this file.
            if (inspection.DriftProfileProblem is { } problem) return io.Fail(ExitCode.InvalidInput, $"{inspection.Path}: its embedded drift profile cannot be read: {problem}");
            return ExitCode.Ok;
        });
        return command;
    }
}
