/*
 * tcp_pump1.c - TCP throughput with 1 client connection pumping 8 KiB
 * writes into a server on the same loop that reads and discards them.
 * The benchmark itself is in tcp_pump.h.
 *
 * Run: make bench BENCH=tcp_pump1
 */
#include "tcp_pump.h"

int main(void) {
  return pump_main("tcp_pump1", 1);
}
