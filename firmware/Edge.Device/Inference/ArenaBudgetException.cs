using System;

namespace Edge.Device.Inference
{
    /// <summary>The model's arena does not fit the memory budget the interpreter was given.</summary>
    public class ArenaBudgetException : Exception
    {
        public ArenaBudgetException(int needed, int budget)
            : base("the model needs " + needed.ToString() + " arena bytes, the budget is " + budget.ToString())
        {
            Needed = needed;
            Budget = budget;
        }

        public int Needed { get; private set; }

        public int Budget { get; private set; }
    }
}
