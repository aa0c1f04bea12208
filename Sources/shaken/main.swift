import ShakenCLI
