module evil { requires java.base; }
