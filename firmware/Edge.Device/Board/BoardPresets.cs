namespace Edge.Device.Board
{
    /// <summary>
    /// What the board app allocates on each supported board: the one place the sizes live, used
    /// by the board app (Edge.Firmware Program), the simulated boards and the host's memory model
    /// (host/Edge.Targets), so that all three agree. Sized so that the link, the demo's model
    /// (flux_mlp) and the default motor-flux drift profile fit the target's managed heap; the
    /// memory model's tests check that they do.
    /// </summary>
    public static class BoardPresets
    {
        /// <summary>NUCLEO-F746ZG (ST_NUCLEO144_F746ZG): about 63 KB of managed heap.</summary>
        public static BoardConfig NucleoF746zg()
        {
            // Staging holds the largest single upload (a model, a profile, or a model carrying
            // its profile); commits parse it in place.
            return Sized("NUCLEO-F746ZG", 8 * 1024);
        }

        /// <summary>NUCLEO-F401RE (ST_NUCLEO64_F401RE_NF): the managed heap is what 96 KB of SRAM leaves after the firmware.</summary>
        public static BoardConfig NucleoF401re()
        {
            return Sized("NUCLEO-F401RE", 6 * 1024);
        }

        private static BoardConfig Sized(string name, int staging)
        {
            var config = new BoardConfig();
            config.BoardName = name;
            config.StagingCapacity = staging;
            config.ArenaBudget = 4 * 1024;
            config.VectorSlots = 2;
            config.MaxRowWidth = 256;
            // The link window: this many requests in flight, each answer kept for a resend.
            config.ResponseCacheSlots = 4;
            config.StatusIntervalMs = 1000;
            return config;
        }

        /// <summary>NUCLEO-F091RC (ST_NUCLEO64_F091RC): a few KB of managed heap; only the smallest models and profiles.</summary>
        public static BoardConfig NucleoF091rc()
        {
            var config = new BoardConfig();
            config.BoardName = "NUCLEO-F091RC";
            config.StagingCapacity = 2 * 1024;
            config.ArenaBudget = 512;
            config.VectorSlots = 1;
            config.MaxRowWidth = 64;
            config.ResponseCacheSlots = 1;
            config.StatusIntervalMs = 1000;
            return config;
        }
    }
}
