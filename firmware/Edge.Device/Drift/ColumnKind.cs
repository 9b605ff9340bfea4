using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>What a profile column holds. Features count towards dataset drift; prediction columns towards prediction drift.</summary>
    public static class ColumnKind
    {
        /// <summary>A numeric input feature, binned by reference-quantile edges.</summary>
        public const byte Numeric = 0;

        /// <summary>A categorical input feature, one bin per reference category plus one for unseen values.</summary>
        public const byte Categorical = 1;

        /// <summary>The model's output score, binned like a numeric feature.</summary>
        public const byte PredictionScore = 2;

        /// <summary>The model's predicted class, counted like a categorical feature.</summary>
        public const byte PredictedClass = 3;

        [HotPath]
        public static bool IsBinned(byte kind)
        {
            return kind == Numeric || kind == PredictionScore;
        }

        [HotPath]
        public static bool IsPrediction(byte kind)
        {
            return kind == PredictionScore || kind == PredictedClass;
        }

        public static bool IsValid(byte kind)
        {
            return kind <= PredictedClass;
        }

        public static string Name(byte kind)
        {
            switch (kind)
            {
                case Numeric: return "numeric";
                case Categorical: return "categorical";
                case PredictionScore: return "prediction-score";
                case PredictedClass: return "predicted-class";
                default: return "unknown";
            }
        }
    }
}
