namespace Edge.Device.Board
{
    /// <summary>
    /// The board's commands by command byte: one registration each, one lookup per request.
    /// A short list searched in order rather than a 256-entry table: on nanoCLR every reference
    /// slot costs 12 bytes, so the full table would take 3 KB of a 60 KB heap.
    /// </summary>
    public sealed class CommandTable
    {
        private readonly byte[] _commands;
        private readonly CommandHandler[] _handlers;
        private int _count;

        public CommandTable(int capacity)
        {
            _commands = new byte[capacity];
            _handlers = new CommandHandler[capacity];
        }

        public void Register(byte command, CommandHandler handler)
        {
            if (Find(command) != null) throw new System.InvalidOperationException("command registered twice");
            if (_count == _handlers.Length) throw new System.InvalidOperationException("command table full");
            _commands[_count] = command;
            _handlers[_count] = handler;
            _count++;
        }

        /// <summary>The handler of a command, or null (the loop answers unknown-command).</summary>
        public CommandHandler Find(byte command)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_commands[i] == command) return _handlers[i];
            }
            return null;
        }
    }
}
