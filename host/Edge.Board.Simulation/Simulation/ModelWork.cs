using System.Globalization;
using Edge.Device.Model;

namespace Edge.Board.Simulation;

/// <summary>Work per inference of a model, from what `edge model convert` recorded in its metadata.</summary>
public sealed record ModelWork(long Operations, long Macs, long Splits, long Elements)
{
    public static ModelWork Of(EdgeModel model) => new(
        model.Operations.Length,
        Number(model, "work.macs"),
        Number(model, "work.splits"),
        Number(model, "work.elements"));

    private static long Number(EdgeModel model, string key) =>
        long.TryParse(model.Metadata(key), NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : 0;
}
