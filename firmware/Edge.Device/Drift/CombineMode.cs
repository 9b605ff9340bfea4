using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>How data drift and prediction drift combine into a window's drift verdict.</summary>
    public static class CombineMode
    {
        /// <summary>Dataset drift alone decides (prediction drift is still reported).</summary>
        public const byte Data = 0;

        /// <summary>Prediction drift alone decides.</summary>
        public const byte Prediction = 1;

        /// <summary>Both must drift: fewer false alarms when inputs move but the model copes.</summary>
        public const byte DataAndPrediction = 2;

        /// <summary>Either drifting is enough.</summary>
        public const byte DataOrPrediction = 3;

        public static bool IsValid(byte mode)
        {
            return mode <= DataOrPrediction;
        }

        [HotPath]
        public static bool Combine(byte mode, bool dataDrift, bool predictionDrift)
        {
            switch (mode)
            {
                case Prediction: return predictionDrift;
                case DataAndPrediction: return dataDrift && predictionDrift;
                case DataOrPrediction: return dataDrift || predictionDrift;
                default: return dataDrift;
            }
        }

        public static string Name(byte mode)
        {
            switch (mode)
            {
                case Prediction: return "prediction";
                case DataAndPrediction: return "data-and-prediction";
                case DataOrPrediction: return "data-or-prediction";
                default: return "data";
            }
        }
    }
}
