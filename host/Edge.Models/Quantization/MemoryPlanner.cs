using Edge.Device.Model;
using Edge.Models.Format;

namespace Edge.Models.Quantization;

/// <summary>
/// Places tensors in the arena: each lives from the op that writes it to the last op that reads
/// it (graph inputs and outputs for the whole inference) and takes the lowest offset that no
/// tensor alive at the same time occupies (greedy first fit, TFLM's planner in its simplest
/// form). An element-wise op may write over its input where that input dies, sharing one buffer.
/// </summary>
public static class MemoryPlanner
{
    /// <summary>Fills in arena offsets and lengths; returns where the int32 scratch begins.</summary>
    /// <param name="inPlace">per op: true when its output may share its first input's buffer</param>
    /// <param name="scratch32">per op: int32 scratch elements it needs while it runs (ops use it one at a time)</param>
    public static int Plan(ModelImage image, IReadOnlyList<bool> inPlace, IReadOnlyList<int> scratch32)
    {
        int ops = image.Ops.Count, count = image.Tensors.Count;
        var first = Enumerable.Repeat(int.MaxValue, count).ToArray();
        var last = Enumerable.Repeat(-1, count).ToArray();
        foreach (var input in image.Inputs) (first[input.Tensor], last[input.Tensor]) = (-1, ops);
        for (int i = 0; i < ops; i++)
        {
            foreach (int t in image.Ops[i].Outputs) first[t] = Math.Min(first[t], i);
            foreach (int t in image.Ops[i].Inputs) last[t] = Math.Max(last[t], i);
        }
        foreach (int t in image.Outputs) last[t] = ops;

        var buffer = Enumerable.Range(0, count).ToArray();
        for (int i = 0; i < ops; i++)
        {
            int input = image.Ops[i].Inputs[0], output = image.Ops[i].Outputs[0];
            if (inPlace[i] && last[input] == i && first[input] >= 0 && image.Tensors[input].Type == image.Tensors[output].Type)
                buffer[output] = buffer[input];
        }
        var members = Enumerable.Range(0, count).Where(t => first[t] != int.MaxValue).GroupBy(t => buffer[t]).ToList();
        var placed = new List<(int Type, int First, int Last, int Start, int End)>();
        foreach (var group in members.OrderBy(g => g.Min(t => first[t])).ThenBy(g => g.Key))
        {
            int type = image.Tensors[group.Key].Type;
            int from = group.Min(t => first[t]), to = group.Max(t => last[t]);
            int size = group.Max(t => image.Tensors[t].ElementCount);
            int offset = 0;
            foreach (var p in placed.Where(p => p.Type == type && p.First <= to && from <= p.Last).OrderBy(p => p.Start))
            {
                if (offset + size <= p.Start) break;
                offset = Math.Max(offset, p.End);
            }
            placed.Add((type, from, to, offset, offset + size));
            foreach (int t in group) image.Tensors[t].ArenaOffset = offset;
        }
        image.Arena8Length = placed.Where(p => p.Type == TensorType.Int8).Select(p => p.End).DefaultIfEmpty(0).Max();
        int scratchAt = placed.Where(p => p.Type != TensorType.Int8).Select(p => p.End).DefaultIfEmpty(0).Max();
        image.Arena32Length = scratchAt + scratch32.DefaultIfEmpty(0).Max();
        return scratchAt;
    }
}
