namespace Edge.Device.Board
{
    /// <summary>The board's commands by command byte: one registration each, one lookup per request.</summary>
    public sealed class CommandTable
    {
        private readonly CommandHandler[] _handlers = new CommandHandler[256];

        public void Register(byte command, CommandHandler handler)
        {
            if (_handlers[command] != null) throw new System.InvalidOperationException("command registered twice");
            _handlers[command] = handler;
        }

        /// <summary>The handler of a command, or null (the loop answers unknown-command).</summary>
        public CommandHandler Find(byte command)
        {
            return _handlers[command];
        }
    }
}
