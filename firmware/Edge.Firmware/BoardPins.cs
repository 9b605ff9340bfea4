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

        /// <summary>
        /// ADC channel for a locally sampled signal. nanoFramework's channel number indexes the
        /// target's channel table (c_AdcPortPinConfig in the target's
        /// target_system_device_adc_config.cpp), not a pin: on ST_NUCLEO144_F746ZG entry 0 is PA3
        /// (ADC1 IN3, Arduino A0, CN9 pin 1); entry 3 would be PF3 (ADC3 IN9, A3).
        /// </summary>
        public const int AdcChannel = 0;

        /// <summary>The ADC's reference: VDDA on the Nucleo, 3.3 V.</summary>
        public const float AdcReferenceVolts = 3.3f;
    }
}
