package example.webhooks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WebhooksApplication {
    public static void main(String[] args) {
        SpringApplication.run(WebhooksApplication.class, args);
    }
}
