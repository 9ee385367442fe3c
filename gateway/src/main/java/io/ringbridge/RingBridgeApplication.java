package io.ringbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RingBridgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(RingBridgeApplication.class, args);
    }
}
