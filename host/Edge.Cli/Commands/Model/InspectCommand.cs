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
        var command = new Command("inspect", """
            Show an .edgem file: version, model id and checksum, sections, metadata, the graph's
            operations with their kernel parameters, and every tensor's shape, quantisation
            (scale, zero point) and arena place.

            Examples:
              edge model inspect flux_mlp.edgem
              edge model inspect flux_mlp.edgem --json
            """)
        {
            model,
            json,
        };
        command.SetHandler((result, io) =>
        {
            var inspection = ModelInspection.Inspect(result.GetValue(model)!);
            if (result.GetValue(json)) io.Out.WriteLine(inspection.ToJson());
            else inspection.WriteText(io.Out);
            // Shown above; a board would refuse this file.
            if (inspection.DriftProfileProblem is { } problem) return io.Fail(ExitCode.InvalidInput, $"{inspection.Path}: its embedded drift profile cannot be read: {problem}");
            return ExitCode.Ok;
        });
        return command;
    }
}
