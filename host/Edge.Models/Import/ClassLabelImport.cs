using Edge.Models.Graph;
using Edge.Models.Onnx;
using Edge.Models.Quantization;

namespace Edge.Models.Import;

/// <summary>
/// The int64 label output ONNX-ML classifiers (TreeEnsembleClassifier, LinearClassifier) write next
/// to their scores: the index of the largest score, first on ties, as ONNX Runtime picks it. On the
/// board it is an ArgMax op over the final scores (after the post-transform, which keeps their
/// order), an integer output at scale 1 and zero point 0. The index is the label only when the
/// class labels are 0..n-1; other labels (or strings) leave the output to the host, as before.
/// </summary>
internal static class ClassLabelImport
{
    /// <summary>Defines <paramref name="labelName"/> as the argmax of the value <paramref name="scoresName"/>.</summary>
    public static void Define(OnnxNode node, ImportContext context, string labelName, string scoresName, long[] classLabels, int classes)
    {
        if (labelName.Length == 0) return;
        bool indexIsLabel = classLabels.Length == classes && classLabels.Select((l, i) => l == i).All(b => b);
        if (!indexIsLabel || classes > 128)
        {
            context.DroppedOutputs.Add(labelName);
            context.Folds.Add($"{node.Describe} label output '{labelName}' is the argmax of the scores, computed on the host " +
                (classes > 128 ? $"({classes} classes: more than an int8 index holds)" : "(its class labels are not 0..n-1)"));
            return;
        }
        var scores = ((TensorValue)context.Value(node, scoresName)).Tensor;
        var label = new GraphTensor(labelName, [1]) { Pinned = new AffineQuantization(1f, 0) };
        context.Add(new ArgMaxOp(node.Name + "/label", scores, label, 1, classes, 1, selectLast: false) { SourceOps = node.OpType }, labelName);
        context.Folds.Add($"{node.Describe} label output '{labelName}' is an ArgMax of '{scoresName}' on the board (an integer output, first class on ties)");
    }
}
