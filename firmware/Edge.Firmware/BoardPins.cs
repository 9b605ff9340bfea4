namespace Edge.Firmware
{
    /// <summary>
    /// Where things are wired on a NUCLEO-F746ZG (nanoFramework community target ST_NUCLEO144_F746ZG).
    /// STM32 GPIO numbers are port * 16 + pin (PA = 0, PB = 1, ...).
    /// </summary>
    internal static class BoardPins
    {
        /// <summary>The link UART: COM6 = USART6, TX PC6 (CN7 pin 1), RX PC7 (CN7 pin 11). The ST-LINK virtual COM port (USART3) carries nanoFramework's debugger.</summary>
        public const string LinkPort = "COM6";

        public const int LinkBaud = 115200;

        /// <summary>The trigger pin, PD14 (CN7 pin 16): high for the duration of each inference; wire it to the power monitor's trigger input.</summary>
        public const int TriggerPin = 3 * 16 + 14;

        /// <summary>ADC channel for a locally sampled signal (ADC1 IN3 on PA3, CN9 pin 1), when samples come from the board rather than the link.</summary>
        public const int AdcChannel = 3;
    }
}
